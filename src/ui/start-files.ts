import { SETTINGS_FILE, type QuestionnaireIndexEntry, type Settings } from '../core/index.ts';

// The files the kiosk reads at start, named once. The loader fetches them by these URLs, and the
// build preloads those a device with the built settings.json reads (scripts/vite-questionnaires.ts
// writes them into index.html): they travel beside the start screen's code instead of one or two
// round trips after it has run. Relative URLs: the build uses base './'.

export const QUESTIONNAIRES_URL = './questionnaires';
export const INDEX_URL = `${QUESTIONNAIRES_URL}/index.json`;
/** `?fresh` lets the service worker answer from its copy at once and check the server meanwhile: a structure edits the file without rebuilding, and a device takes the edit at its next start. */
export const SETTINGS_URL = `./${SETTINGS_FILE}?fresh=1`;

export const structureUrl = (folder: string): string => `${QUESTIONNAIRES_URL}/${folder}/questionnaire.json`;
export const localeUrl = (folder: string, language: string): string => `${QUESTIONNAIRES_URL}/${folder}/locales/${language}.json`;
/** `?fresh=` lets the service worker answer from its copy at once while it checks the server (see fetchFresh). */
export const freshUrl = (url: string, build: string): string => `${url}?fresh=${encodeURIComponent(build)}`;

/** The language a questionnaire is read in: the one wanted, or its own default language when it has not that one. */
export const languageOf = (entry: Pick<QuestionnaireIndexEntry, 'languages' | 'defaultLanguage'>, wanted: string): string => (entry.languages.includes(wanted) ? wanted : entry.defaultLanguage);

/** The language a kiosk starts in (no result link says another): the settings' first, else the questionnaire's own default. */
export const startLanguage = (settings: Pick<Settings, 'languages'>, entry: Pick<QuestionnaireIndexEntry, 'defaultLanguage'>): string => settings.languages[0] ?? entry.defaultLanguage;

/** The questionnaires the settings offer, in their order, as far as the build has them (the kiosk's list when there are several). */
export function offeredEntries<E extends Pick<QuestionnaireIndexEntry, 'id'>>(settings: Pick<Settings, 'questionnaires'>, index: readonly E[]): E[] {
  return settings.questionnaires.flatMap((id) => index.filter((q) => q.id === id));
}

/** Without "languages", every language of the questionnaire is offered, its default language first. */
export function defaultLanguageFirst(settings: Settings, text: string, index: readonly QuestionnaireIndexEntry[]): Settings {
  const parsed: unknown = JSON.parse(text);
  const omitted = typeof parsed === 'object' && parsed !== null && !('languages' in parsed);
  const entry = index.find((q) => q.id === settings.defaultQuestionnaire);
  if (!omitted || !entry || !entry.languages.includes(entry.defaultLanguage)) return settings;
  return { ...settings, languages: [entry.defaultLanguage, ...entry.languages.filter((l) => l !== entry.defaultLanguage)] };
}

/**
 * What a kiosk with these settings fetches before its start screen can be used, when nothing else
 * decides (no result link, no professional space, no run to take up): the settings and the index,
 * then the texts of the list when several questionnaires are offered (src/ui/questionnaire-list.tsx),
 * else the default questionnaire's structure and texts (app-machine.ts), in the settings' first language;
 * `list` says which of the two.
 */
export function startFiles(settings: Settings, index: readonly QuestionnaireIndexEntry[]): { files: string[]; list: boolean } {
  const entry = index.find((q) => q.id === settings.defaultQuestionnaire);
  if (!entry) return { files: [SETTINGS_URL, INDEX_URL], list: false };
  const wanted = startLanguage(settings, entry);
  const listed = offeredEntries(settings, index);
  if (listed.length > 1) return { files: [SETTINGS_URL, INDEX_URL, ...listed.map((q) => freshUrl(localeUrl(q.id, languageOf(q, wanted)), q.contentHash))], list: true };
  const texts = [freshUrl(structureUrl(entry.id), entry.contentHash), freshUrl(localeUrl(entry.id, languageOf(entry, wanted)), entry.contentHash)];
  return { files: [SETTINGS_URL, INDEX_URL, ...texts], list: false };
}
