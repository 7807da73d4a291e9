import {
  DEFAULT_SETTINGS,
  defaultQuestionnaireOf,
  builtFingerprint,
  loadChecked,
  SETTINGS_FILE,
  settingsOf,
  type LoadedQuestionnaire,
  type LoadResult,
  type LocaleTree,
  type Problem,
  type QuestionnaireIndexEntry,
  type Settings,
  type SettingsFile,
} from '../core/index.ts';
import { nextTask } from './next-task.ts';
import { rememberAudio, setAudioQuestionnaire } from './recorded-audio.ts';
import { defaultLanguageFirst, freshUrl, INDEX_URL, languageOf, localeUrl, QUESTIONNAIRES_URL, SETTINGS_URL, structureUrl } from './start-files.ts';

// Everything the browser reads at start, by the URLs of start-files.ts (relative: the build uses base './').

/** One entry of questionnaires/index.json, written by the build. */
export type QuestionnaireEntry = QuestionnaireIndexEntry;

/** Fetches a text file; rejects with MissingFile when it is not there. Tests pass their own. */
export type FetchText = (url: string) => Promise<string>;

export class MissingFile extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`${url}: ${status === 0 ? 'unreachable' : `HTTP ${status}`}`);
    this.name = 'MissingFile';
  }
}

export const fetchText: FetchText = async (url) => {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  } catch {
    throw new MissingFile(url, 0);
  }
  if (!response.ok) throw new MissingFile(url, response.status);
  return response.text();
};

export async function fetchIndex(fetcher: FetchText): Promise<QuestionnaireEntry[]> {
  const parsed: unknown = JSON.parse(await fetcher(INDEX_URL));
  if (!Array.isArray(parsed)) throw new Error('questionnaires/index.json is not a list');
  rememberAudio(parsed as QuestionnaireEntry[], QUESTIONNAIRES_URL);
  return parsed as QuestionnaireEntry[];
}

export type SettingsLoad =
  | { ok: true; settings: Settings; missing: boolean }
  | { ok: false; problems: Problem[] };

let settingsRead: (settings: Settings) => void = () => undefined;
/** The settings the app runs with, once fetchSettings has read them (the territory push waits for them rather than fetching the file again). */
export const appSettings: Promise<Settings> = new Promise((resolve) => (settingsRead = resolve));

/** settings.json, checked against the index (which may still be on its way: both are fetched at once); a missing file falls back to the defaults (and says so). */
export async function fetchSettings(fetcher: FetchText, indexRead: QuestionnaireEntry[] | Promise<QuestionnaireEntry[]>): Promise<SettingsLoad> {
  const load = await readSettingsFile(fetcher, indexRead);
  if (load.ok) settingsRead(load.settings);
  return load;
}

async function readSettingsFile(fetcher: FetchText, indexRead: QuestionnaireEntry[] | Promise<QuestionnaireEntry[]>): Promise<SettingsLoad> {
  let text: string;
  try {
    text = await fetcher(SETTINGS_URL);
  } catch (error) {
    if (!(error instanceof MissingFile)) throw error;
    const index = await indexRead;
    // Unreachable, with no service worker to answer (offline before it was ever installed): the precached copy, if any.
    const precached = error.status === 0 ? await fetcher(`./${SETTINGS_FILE}`).catch(() => undefined) : undefined;
    if (precached !== undefined) return settingsFrom(precached, index);
    // No settings at all: the real questionnaire of the build, never a sample of the format.
    const first = index.find((q) => q.id === defaultQuestionnaireOf(index));
    if (!first) return settingsFrom('{}', index);
    const settings: Settings = { ...DEFAULT_SETTINGS, defaultQuestionnaire: first.id, questionnaires: [first.id], languages: first.languages };
    return { ok: true, settings, missing: true };
  }
  return settingsFrom(text, await indexRead);
}

/**
 * The file exactly as the build checked it is only parsed; an edited one is checked in full, with
 * its checker (and the format library), loaded with import() then: the start screen's chunk carries
 * neither, and a kiosk whose file is the build's never runs the checker's module. index.html
 * preloads it (scripts/vite-questionnaires.ts), so an edited file waits for no round trip.
 */
async function settingsFrom(text: string, index: QuestionnaireEntry[]): Promise<SettingsLoad> {
  const context = { questionnaires: index };
  // The fingerprint (SHA-256) of settings.json as the build checked it; the build refuses a broken file.
  const built = import.meta.env.REPERES_SETTINGS_SHA256;
  if (built !== undefined && (await fingerprint(text)) === built) {
    return { ok: true, settings: defaultLanguageFirst(settingsOf(JSON.parse(text) as SettingsFile, context), text, index), missing: false };
  }
  const result = (await import('../core/settings.ts')).readSettings(text, context);
  if (!result.ok) return { ok: false, problems: result.problems };
  return { ok: true, settings: defaultLanguageFirst(result.settings, text, index), missing: false };
}

export type QuestionnaireLoad = { ok: true; loaded: LoadedQuestionnaire; language: string } | { ok: false; problems: Problem[] };

// Files already fetched, per fetcher: a change of language fetches only the new texts, and a
// questionnaire chosen from a list does not fetch again the texts its title came from.
const fetched = new WeakMap<FetchText, Map<string, Promise<string>>>();

/** A questionnaire's file, fetched once per fetcher and build (see fetchFresh); a failed fetch is tried again next time. */
export function fetchOnce(fetcher: FetchText, url: string, build: string): Promise<string> {
  let files = fetched.get(fetcher);
  if (!files) {
    files = new Map();
    fetched.set(fetcher, files);
  }
  const key = `${url}@${build}`;
  let file = files.get(key);
  if (!file) {
    file = fetchFresh(fetcher, url, build);
    files.set(key, file);
    file.catch(() => files.delete(key));
  }
  return file;
}

/** Forgets fetched structures, so that starting again reads the files afresh. */
export function clearFetched(fetcher: FetchText): void {
  fetched.delete(fetcher);
}

/**
 * A questionnaire's file as the server has it now: `?fresh=` lets the service worker answer from its
 * copy at once while it checks the server (an edit made after the build reaches a returning browser
 * at its next visit). Unreachable and never checked yet: the copy the build precached.
 */
async function fetchFresh(fetcher: FetchText, url: string, build: string): Promise<string> {
  try {
    return await fetcher(freshUrl(url, build));
  } catch (error) {
    if (error instanceof MissingFile && error.status === 0) return fetcher(url);
    throw error;
  }
}

/**
 * One questionnaire in one language: its structure (fetched once) and only that language's texts,
 * validated. `within` is a folder inside the questionnaire's, for a published version the build
 * kept (see fetchPublishedVersion, in pro/record-questionnaire.ts).
 */
export async function fetchQuestionnaire(fetcher: FetchText, entry: QuestionnaireEntry, wanted: string, within?: string): Promise<QuestionnaireLoad> {
  const language = languageOf(entry, wanted);
  const folder = within ? `${entry.id}/${within}` : entry.id;
  if (!within) setAudioQuestionnaire(entry.id);
  const [structureText, localeText] = await Promise.all([fetchOnce(fetcher, structureUrl(folder), entry.contentHash), fetchOnce(fetcher, localeUrl(folder, language), entry.contentHash)]);
  const source = {
    folder: entry.id,
    structure: { file: `${folder}/questionnaire.json`, text: structureText },
    locales: [{ file: `${folder}/locales/${language}.json`, language, text: localeText }],
    pictograms: entry.pictograms,
  };
  // Files exactly as the build checked them are only parsed; an edited one is checked in full.
  // The fingerprints come from WebCrypto (no script task), the parse has a task of its own.
  let result: LoadResult | undefined;
  const checked = entry.checked;
  if (checked) {
    const files = [source.structure, ...source.locales];
    const prints = await Promise.all(files.map((f) => fingerprint(f.text)));
    await nextTask();
    if (files.every((f, i) => prints[i] !== undefined && prints[i] === builtFingerprint(source, f, checked))) result = loadChecked(source, checked, { filesCompared: true });
  }
  // The validator itself comes with import(): only a file edited after the build needs it.
  result ??= (await import('../core/validate.ts')).loadQuestionnaire(source, { languages: [language], reachability: false });
  await nextTask();
  if (!result.ok) return { ok: false, problems: result.problems };
  return { ok: true, loaded: entry.drawings ? { ...result.loaded, drawings: entry.drawings } : result.loaded, language };
}

/** A questionnaire as a list of several shows it before one is chosen: its own title and intro, how long it takes. */
export interface QuestionnaireChoice {
  id: string;
  /** The language of its texts: the one asked for, or the questionnaire's default language when it has not that one. */
  language: string;
  title: string;
  intro: string;
  /** From its shortest path to its longest, in minutes (the build's index: checked.duration); unknown without it. */
  duration?: { min: number; max: number } | undefined;
}

/**
 * A file's fingerprint as the build wrote it in index.json (SHA-256 of the UTF-8 text, hex), by
 * WebCrypto. Undefined where WebCrypto is missing (a page served without HTTPS): the file is then checked in full.
 */
async function fingerprint(text: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  try {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}

/** A text of the questionnaire's locale file, by its path of keys; the key itself when missing, never a blank. */
export function localeText(tree: LocaleTree | undefined, ...keys: string[]): string {
  let node: LocaleTree | string | undefined = tree;
  for (const k of keys) {
    if (!node || typeof node === 'string') return keys.join('.');
    node = node[k];
  }
  return typeof node === 'string' ? node : keys.join('.');
}

/** Whether the questionnaire's locale file has this text. */
export function hasLocaleText(tree: LocaleTree | undefined, ...keys: string[]): boolean {
  return localeText(tree, ...keys) !== keys.join('.');
}

export function pictogramUrl(loaded: LoadedQuestionnaire, name: string): string | undefined {
  const file = loaded.pictograms[name];
  return file ? `${QUESTIONNAIRES_URL}/${loaded.questionnaire.id}/${file}` : undefined;
}
