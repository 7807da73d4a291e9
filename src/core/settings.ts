import { parseJson } from './data-file.ts';
import { checkShape, inFileOrder, unsoundPaths } from './formats/kit.ts';
import { settingsFormat, type Settings, type SettingsFile } from './formats/settings.ts';
import { ProblemList, suggest, type Problem } from './problems.ts';
import { serverUrlProblem } from './server-url.ts';
import { defaultQuestionnaireOf, settingsOf, type SettingsContext } from './settings-values.ts';

// A structure's settings: one JSON file in the static build (settings.json), so a structure adapts
// the kiosk without rebuilding. Its format is declared once (formats/settings.ts); on top of it,
// what the format cannot know: the questionnaires of the build. Every problem at once, as data.
// The browser loads this check with import() only for a file edited after the build.

export { IDLE_SECONDS_RANGE, PRO_IDLE_MINUTES_RANGE, SESSION_MODES, type Settings, type SettingsFile } from './formats/settings.ts';
export { DEFAULT_SETTINGS, defaultQuestionnaireOf, SETTINGS_FILE, settingsOf, type SettingsContext } from './settings-values.ts';

export type SettingsResult = { ok: true; settings: Settings; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Checks the text of settings.json against the questionnaires of the build. Omitted keys take the
 * defaults, so a structure writes only what it changes; a wrong value is an error, never ignored.
 */
export function readSettings(text: string, context: SettingsContext, file = 'settings.json'): SettingsResult {
  const p = new ProblemList(file);
  const parsed = parseJson(text, p);
  if (!parsed) return { ok: false, problems: p.items };
  p.items.push(...checkShape(settingsFormat, parsed.value, file));
  if (p.items.some((x) => x.path === '$')) return { ok: false, problems: p.items };
  const unsound = unsoundPaths(p.items);
  const root = parsed.value as SettingsFile;
  for (const key of ['languages', 'modes', 'questionnaires'] as const) {
    const seen = new Set<unknown>();
    const items: unknown[] = Array.isArray(root[key]) ? root[key] : [];
    items.forEach((item, i) => {
      if (seen.has(item)) p.error('id.duplicate', `$.${key}[${i}]`, { id: String(item) });
      seen.add(item);
    });
  }
  const known = context.questionnaires.map((q) => q.id);
  if (Array.isArray(root.questionnaires) && !unsound.has('$.questionnaires') && known.length > 0) {
    root.questionnaires.forEach((listed, i) => {
      if (!known.includes(listed)) p.error('settings.questionnaire', `$.questionnaires[${i}]`, { id: listed, suggestion: suggest(listed, known) ?? '', known: known.join(', ') });
    });
  }
  const firstListed = Array.isArray(root.questionnaires) && typeof root.questionnaires[0] === 'string' ? root.questionnaires[0] : undefined;
  const id = typeof root.defaultQuestionnaire === 'string' ? root.defaultQuestionnaire : firstListed;
  const wanted = id ?? settingsOf({}, context).defaultQuestionnaire;
  const questionnaire = context.questionnaires.find((q) => q.id === wanted);
  if (id === undefined && known.length > 0 && !defaultQuestionnaireOf(context.questionnaires)) {
    // Not named, and the build has only samples of the format: the structure must name one.
    p.error('settings.no-questionnaire', '$', { known: known.join(', ') });
  } else if (!questionnaire && !unsound.has('$.defaultQuestionnaire') && (root.defaultQuestionnaire !== undefined || firstListed === undefined) && (id !== undefined || known.length > 0)) {
    p.error('settings.questionnaire', '$.defaultQuestionnaire', { id: wanted, suggestion: suggest(wanted, known) ?? '', known: known.join(', ') });
  }
  if (questionnaire && Array.isArray(root.languages) && !unsound.has('$.languages')) {
    root.languages.forEach((language, i) => {
      if (!questionnaire.languages.includes(language)) p.error('settings.language', `$.languages[${i}]`, { language, id: questionnaire.id, languages: questionnaire.languages.join(', ') });
    });
  }
  for (const key of ['syncUrl', 'observatoryUrl', 'territoryUrl'] as const) {
    const url = root[key];
    const problem = typeof url === 'string' && !unsound.has(`$.${key}`) ? serverUrlProblem(url) : undefined;
    if (problem) p.error(problem, `$.${key}`, { url: String(url).trim() });
  }
  if (typeof root.observatoryUrl === 'string') {
    const name = [root.observatoryId, root.structure].find((v) => typeof v === 'string' && v.trim() !== '');
    if (!name || name.trim().length > 120) p.error('settings.observatory-name', root.observatoryId === undefined ? '$' : '$.observatoryId', {});
  }
  const problems = inFileOrder(p.items, root);
  if (problems.some((problem) => problem.severity === 'error')) return { ok: false, problems };
  return { ok: true, settings: settingsOf(root, context), warnings: problems };
}
