// Recorded voices a questionnaire may ship, read aloud before the browser's speech synthesis:
// `questionnaires/<id>/audio/<language>/<key>.<ext>`, where <key> names a text by its path of keys in
// the questionnaire's locale file (`questions.equipement.text`, `steps.france-services.title`) or in
// the interface strings (`ui.start.what`). The build lists them in questionnaires/index.json and
// precaches them; `npm run validate` checks them with checkAudio below. Pure: no file system here.

export const AUDIO_FOLDER = 'audio';
export const AUDIO_EXTENSIONS = ['mp3', 'ogg', 'opus', 'm4a', 'webm', 'wav'] as const;
/** A recording over this size is refused: a kiosk caches every recording for offline use. */
export const MAX_AUDIO_BYTES = 1024 * 1024;

/** Per language, the file names (`questions.equipement.text.mp3`) of the recordings shipped. */
export type AudioListing = Record<string, string[]>;

/** What questionnaires/index.json adds to an entry when the questionnaire ships recordings. */
export interface AudioIndexEntry {
  audio?: AudioListing;
}

export interface AudioFile {
  /** Relative to the questionnaire's folder: `audio/fr/questions.equipement.text.mp3`. */
  path: string;
  bytes: number;
}

export type AudioProblemCode = 'audio.place' | 'audio.language' | 'audio.extension' | 'audio.key' | 'audio.size';

export interface AudioProblem {
  code: AudioProblemCode;
  /** Relative to the questionnaires folder, as the validator names every file. */
  file: string;
  params: Record<string, string | number>;
}

/** The key a recording reads (`questions.equipement.text`) and its extension, from its file name. */
export function audioKey(fileName: string): { key: string; extension: string } | undefined {
  const match = /^(.+)\.([a-z0-9]+)$/.exec(fileName);
  return match?.[1] && match[2] ? { key: match[1], extension: match[2] } : undefined;
}

/**
 * Checks a questionnaire's recordings: each in `audio/<language>/`, the language one of the
 * questionnaire's, a known extension, a text that exists in that language, at most MAX_AUDIO_BYTES.
 * Returns the listing of the sound ones and a problem for each other.
 */
export function checkAudio(
  folder: string,
  files: readonly AudioFile[],
  languages: readonly string[],
  hasText: (language: string, key: string) => boolean,
): { listing: AudioListing; problems: AudioProblem[] } {
  const listing: AudioListing = {};
  const problems: AudioProblem[] = [];
  for (const { path, bytes } of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const file = `${folder}/${path}`;
    const [top, language, name, ...rest] = path.split('/');
    if (top !== AUDIO_FOLDER || !language || !name || rest.length) {
      problems.push({ code: 'audio.place', file, params: { expected: `${AUDIO_FOLDER}/<langue>/<clé>.mp3` } });
      continue;
    }
    if (!languages.includes(language)) {
      problems.push({ code: 'audio.language', file, params: { language, languages: languages.join(', ') } });
      continue;
    }
    const parsed = audioKey(name);
    if (!parsed || !(AUDIO_EXTENSIONS as readonly string[]).includes(parsed.extension)) {
      problems.push({ code: 'audio.extension', file, params: { extensions: AUDIO_EXTENSIONS.join(', ') } });
      continue;
    }
    if (!hasText(language, parsed.key)) {
      problems.push({ code: 'audio.key', file, params: { key: parsed.key, language } });
      continue;
    }
    if (bytes > MAX_AUDIO_BYTES) {
      problems.push({ code: 'audio.size', file, params: { size: Math.ceil(bytes / 1024), max: MAX_AUDIO_BYTES / 1024 } });
      continue;
    }
    (listing[language] ??= []).push(name);
  }
  return { listing, problems };
}

/** Whether a locale tree has a text at this dotted path of keys. */
export function treeHasText(tree: unknown, key: string): boolean {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}
