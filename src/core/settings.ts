import { describeValue, LANGUAGE_CODE, parseErrorDetail, ProblemList, suggest, type Problem } from './problems.ts';
import type { SessionMode } from './session-record.ts';

// A structure's settings: one JSON file in the static build (settings.json), so a structure adapts
// the kiosk without rebuilding. Checked like a questionnaire: every problem at once, as data.

export const SETTINGS_FILE = 'settings.json';
export const SESSION_MODES: readonly SessionMode[] = ['kiosk', 'interview', 'workshop'];
/** Bounds of the idle delay, in seconds: long enough to read a question, short enough to forget. */
export const IDLE_SECONDS_RANGE = { min: 15, max: 3600 } as const;
/** Bounds of the professional space's idle lock, in minutes: at least one, at most a half-day's meeting. */
export const PRO_IDLE_MINUTES_RANGE = { min: 1, max: 240 } as const;

export interface Settings {
  /** The structure's name, shown on every screen (e.g. "France Services de Montreuil"). */
  structure: string;
  /** Languages offered on the start screen, in order; the first is the default. */
  languages: string[];
  /** Seconds without a touch or a key before the kiosk asks "are you still there?". */
  idleSeconds: number;
  modes: SessionMode[];
  /** Minutes without a touch or a key before the professional space locks itself. */
  proIdleMinutes: number;
  /** The questionnaire a kiosk runs. */
  defaultQuestionnaire: string;
  /**
   * A team's CouchDB database for the professional space's sync (docs/couchdb.md), e.g.
   * "https://couchdb.example.org/equipe-ccas". Credentials are typed by the professional, never written here.
   */
  syncUrl?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  structure: '',
  languages: ['fr', 'en'],
  idleSeconds: 90,
  modes: ['kiosk'],
  proIdleMinutes: 10,
  // The real questionnaire shipped with Repères; a structure names its own in settings.json. A
  // sample of the format (`example` in its questionnaire.json) is never the default: see defaultQuestionnaireOf.
  defaultQuestionnaire: 'autonomie-numerique',
};

/**
 * The questionnaire offered when settings.json names none (or is missing): the default one if the
 * build has it, else the first that is not a sample of the format; undefined when there are only samples.
 */
export function defaultQuestionnaireOf(questionnaires: readonly { id: string; example?: boolean | undefined }[]): string | undefined {
  const offered = questionnaires.filter((q) => !q.example);
  return (offered.find((q) => q.id === DEFAULT_SETTINGS.defaultQuestionnaire) ?? offered[0])?.id;
}

/** What the settings refer to: the questionnaires of the build (from questionnaires/index.json). */
export interface SettingsContext {
  questionnaires: { id: string; languages: string[]; example?: boolean | undefined }[];
}

export type SettingsResult = { ok: true; settings: Settings; warnings: Problem[] } | { ok: false; problems: Problem[] };

const KEYS = ['$schema', 'structure', 'languages', 'idleSeconds', 'modes', 'proIdleMinutes', 'defaultQuestionnaire', 'syncUrl'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);


/**
 * Checks the text of settings.json against the questionnaires of the build. Omitted keys take the
 * defaults, so a structure writes only what it changes; a wrong value is an error, never ignored.
 */
export function readSettings(text: string, context: SettingsContext, file = SETTINGS_FILE): SettingsResult {
  const p = new ProblemList(file);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const { line, column, detail } = parseErrorDetail(text, error);
    p.error('json.parse', '$', { line, column, detail });
    return { ok: false, problems: p.items };
  }
  if (!isObj(root)) {
    p.error('type.object', '$', { actual: describeValue(root) });
    return { ok: false, problems: p.items };
  }
  for (const k of Object.keys(root)) {
    if (!KEYS.includes(k)) p.error('key.unknown', `$.${k}`, { key: k, suggestion: suggest(k, KEYS) ?? '', allowed: KEYS.slice(1).join(', ') });
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, languages: [...DEFAULT_SETTINGS.languages], modes: [...DEFAULT_SETTINGS.modes] };

  if (root.structure !== undefined) {
    if (typeof root.structure === 'string' && root.structure.trim() !== '') settings.structure = root.structure.trim();
    else p.error('type.string', '$.structure', { actual: describeValue(root.structure) });
  }

  const known = context.questionnaires.map((q) => q.id);
  if (root.defaultQuestionnaire !== undefined) {
    const id = root.defaultQuestionnaire;
    if (typeof id !== 'string' || id === '') p.error('type.string', '$.defaultQuestionnaire', { actual: describeValue(id) });
    else settings.defaultQuestionnaire = id;
  } else if (known.length > 0) {
    // Not named: the real questionnaire of the build, never a sample of the format.
    const offered = defaultQuestionnaireOf(context.questionnaires);
    if (offered) settings.defaultQuestionnaire = offered;
    else p.error('settings.no-questionnaire', '$', { known: known.join(', ') });
  }
  const questionnaire = context.questionnaires.find((q) => q.id === settings.defaultQuestionnaire);
  if (!questionnaire && p.items.every((x) => x.code !== 'settings.no-questionnaire') && (root.defaultQuestionnaire !== undefined || known.length > 0)) {
    p.error('settings.questionnaire', '$.defaultQuestionnaire', {
      id: settings.defaultQuestionnaire,
      suggestion: suggest(settings.defaultQuestionnaire, known) ?? '',
      known: known.join(', '),
    });
  }

  if (root.languages !== undefined) {
    const languages = stringList(root.languages, '$.languages', p);
    languages.forEach(({ value, path }) => {
      if (!LANGUAGE_CODE.test(value)) p.error('language.format', path, { language: value });
      else if (questionnaire && !questionnaire.languages.includes(value)) {
        p.error('settings.language', path, { language: value, id: questionnaire.id, languages: questionnaire.languages.join(', ') });
      }
    });
    settings.languages = languages.map((l) => l.value);
  } else if (questionnaire) {
    // Omitted: the languages the questionnaire has, in the default order where it has them.
    settings.languages = questionnaire.languages;
  }

  if (root.idleSeconds !== undefined) {
    const v = root.idleSeconds;
    if (typeof v !== 'number' || !Number.isFinite(v)) p.error('type.number', '$.idleSeconds', { actual: describeValue(v) });
    else if (v < IDLE_SECONDS_RANGE.min || v > IDLE_SECONDS_RANGE.max) p.error('number.range', '$.idleSeconds', { value: v, ...IDLE_SECONDS_RANGE });
    else settings.idleSeconds = Math.round(v);
  }

  if (root.proIdleMinutes !== undefined) {
    const v = root.proIdleMinutes;
    if (typeof v !== 'number' || !Number.isFinite(v)) p.error('type.number', '$.proIdleMinutes', { actual: describeValue(v) });
    else if (v < PRO_IDLE_MINUTES_RANGE.min || v > PRO_IDLE_MINUTES_RANGE.max) p.error('number.range', '$.proIdleMinutes', { value: v, ...PRO_IDLE_MINUTES_RANGE });
    else settings.proIdleMinutes = v;
  }

  if (root.modes !== undefined) {
    const modes = stringList(root.modes, '$.modes', p);
    for (const { value, path } of modes) {
      if (!(SESSION_MODES as readonly string[]).includes(value)) {
        p.error('settings.mode', path, { id: value, suggestion: suggest(value, SESSION_MODES) ?? '', known: SESSION_MODES.join(', ') });
      }
    }
    settings.modes = modes.map((m) => m.value).filter((m): m is SessionMode => (SESSION_MODES as readonly string[]).includes(m));
  }

  if (root.syncUrl !== undefined) {
    const url = serverUrl(root.syncUrl, '$.syncUrl', p);
    if (url) settings.syncUrl = url;
  }

  if (p.items.some((problem) => problem.severity === 'error')) return { ok: false, problems: p.items };
  return { ok: true, settings, warnings: p.items };
}

/** A server's address: https (http only on this machine), with no name or password in it. */
function serverUrl(v: unknown, path: string, p: ProblemList): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') {
    p.error('type.string', path, { actual: describeValue(v) });
    return undefined;
  }
  const text = v.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    p.error('settings.url-absolute', path, { url: text });
    return undefined;
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) p.error('settings.url-https', path, { url: text });
  else if (url.username || url.password) p.error('settings.url-credentials', path, { url: text });
  else if (url.search || url.hash) p.error('settings.url-extra', path, { url: text });
  else return text.replace(/\/+$/, '');
  return undefined;
}

/** A non-empty list of distinct non-empty texts, each with its JSON path. */
function stringList(v: unknown, path: string, p: ProblemList): { value: string; path: string }[] {
  if (!Array.isArray(v)) {
    p.error('type.array', path, { actual: describeValue(v) });
    return [];
  }
  if (v.length === 0) p.error('array.empty', path);
  const seen = new Set<string>();
  const out: { value: string; path: string }[] = [];
  v.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (typeof item !== 'string' || item === '') {
      p.error('type.string', at, { actual: describeValue(item) });
      return;
    }
    if (seen.has(item)) {
      p.error('id.duplicate', at, { id: item });
      return;
    }
    seen.add(item);
    out.push({ value: item, path: at });
  });
  return out;
}
