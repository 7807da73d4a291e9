import type { Settings, SettingsFile } from './formats/settings.ts';

// The settings a device runs with, from a settings.json already checked (by the build, or by
// readSettings in settings.ts): no check here, so the start screen needs no validator when the file
// is the one the build checked.

export const SETTINGS_FILE = 'settings.json';

export const DEFAULT_SETTINGS: Settings = {
  structure: '',
  languages: ['fr', 'en'],
  idleSeconds: 90,
  modes: ['kiosk'],
  proIdleMinutes: 10,
  // The real questionnaire shipped with Repères; a structure names its own in settings.json. A
  // sample of the format (`example` in its questionnaire.json) is never the default: see defaultQuestionnaireOf.
  defaultQuestionnaire: 'autonomie-numerique',
  questionnaires: ['autonomie-numerique'],
};

/** What the settings refer to: the questionnaires of the build (from questionnaires/index.json). */
export interface SettingsContext {
  questionnaires: { id: string; languages: string[]; example?: boolean | undefined }[];
}

/**
 * The questionnaire offered when settings.json names none (or is missing): the default one if the
 * build has it, else the first that is not a sample of the format; undefined when there are only samples.
 */
export function defaultQuestionnaireOf(questionnaires: readonly { id: string; example?: boolean | undefined }[]): string | undefined {
  const offered = questionnaires.filter((q) => !q.example);
  return (offered.find((q) => q.id === DEFAULT_SETTINGS.defaultQuestionnaire) ?? offered[0])?.id;
}

/** A checked file's settings: each key given, or its default; without `languages`, those of the questionnaire it runs. */
export function settingsOf(file: SettingsFile, context: SettingsContext): Settings {
  // Not named: the real questionnaire of the build, never a sample of the format.
  const defaultQuestionnaire = file.defaultQuestionnaire ?? file.questionnaires?.[0] ?? defaultQuestionnaireOf(context.questionnaires) ?? DEFAULT_SETTINGS.defaultQuestionnaire;
  // The questionnaires offered, the default first when the list does not name it.
  const listed = file.questionnaires ?? [];
  const questionnaires = [...new Set(listed.includes(defaultQuestionnaire) ? listed : [defaultQuestionnaire, ...listed])];
  const questionnaire = context.questionnaires.find((q) => q.id === defaultQuestionnaire);
  return {
    structure: file.structure?.trim() ?? DEFAULT_SETTINGS.structure,
    languages: file.languages ? [...new Set(file.languages)] : [...(questionnaire?.languages ?? DEFAULT_SETTINGS.languages)],
    idleSeconds: Math.round(file.idleSeconds ?? DEFAULT_SETTINGS.idleSeconds),
    modes: [...(file.modes ?? DEFAULT_SETTINGS.modes)],
    proIdleMinutes: file.proIdleMinutes ?? DEFAULT_SETTINGS.proIdleMinutes,
    defaultQuestionnaire,
    questionnaires,
    ...(file.syncUrl === undefined ? {} : { syncUrl: serverUrl(file.syncUrl) }),
    ...(file.observatoryUrl === undefined ? {} : { observatoryUrl: serverUrl(file.observatoryUrl) }),
    ...(file.observatoryId === undefined || file.observatoryId.trim() === '' ? {} : { observatoryId: file.observatoryId.trim() }),
    ...(file.territoryUrl === undefined ? {} : { territoryUrl: serverUrl(file.territoryUrl) }),
  };
}

/** The address as the app uses it: trimmed, without a trailing slash. */
export function serverUrl(text: string): string {
  return text.trim().replace(/\/+$/, '');
}
