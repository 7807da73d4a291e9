// What the build proved sound, and the browser's fast path over it. Kept apart from the validator
// (validate.ts), which the browser loads with import() only for a file edited after the build.
import { contentHash, textHash } from './hash.ts';
import type { CheckedFiles, LoadedQuestionnaire, LocaleTree, Questionnaire } from './types.ts';
import type { LoadResult, QuestionnaireSource } from './validate.ts';

/** A file's name inside its questionnaire folder ("questionnaire.json", "locales/fr.json"), wherever the folder sits. */
function inFolder(folder: string, file: string): string {
  const at = file.lastIndexOf(`${folder}/`);
  return at < 0 ? file : file.slice(at + folder.length + 1);
}

/**
 * What the build proved sound, for questionnaires/index.json: each file's text fingerprint and the
 * content hash of the questionnaire in each language alone (what the browser, loading one language,
 * computes). Call it only on a source that loadQuestionnaire accepted, with its result.
 */
export function checkedFiles(source: QuestionnaireSource, loaded: LoadedQuestionnaire): CheckedFiles {
  const files: Record<string, string> = { [inFolder(source.folder, source.structure.file)]: textHash(source.structure.text) };
  for (const locale of source.locales) files[inFolder(source.folder, locale.file)] = textHash(locale.text);
  const contentHashes = Object.fromEntries(Object.entries(loaded.locales).map(([language, tree]) => [language, contentHash([loaded.questionnaire, { [language]: tree }])]));
  return { files, contentHashes };
}

/**
 * Whether one file of the source is exactly as the build checked it. The browser compares its two
 * files one at a time (fingerprinting a large questionnaire is a long task on a slow tablet), then
 * calls loadChecked with `filesCompared`.
 */
export function fileUnchanged(source: QuestionnaireSource, file: { file: string; text: string }, checked: CheckedFiles): boolean {
  return checked.files[inFolder(source.folder, file.file)] === textHash(file.text);
}

/**
 * The browser's fast path: files exactly as the build checked them are parsed, not checked again
 * (on a slow tablet the checks hold the first screen for a tenth of a second). One language only.
 * Undefined as soon as anything differs (a file edited after the build, another language): the
 * caller then runs loadQuestionnaire, whose messages name the file, the JSON path and the fix.
 */
export function loadChecked(source: QuestionnaireSource, checked: CheckedFiles, options: { filesCompared?: boolean } = {}): LoadResult | undefined {
  const [locale, ...others] = source.locales;
  if (!locale || others.length > 0) return undefined;
  const contentHashOfLanguage = checked.contentHashes[locale.language];
  if (contentHashOfLanguage === undefined) return undefined;
  if (!options.filesCompared && ![source.structure, locale].every((file) => fileUnchanged(source, file, checked))) return undefined;
  try {
    const questionnaire = JSON.parse(source.structure.text) as Questionnaire;
    const tree = JSON.parse(locale.text) as LocaleTree;
    // Every pictogram of the folder: the build checked that the ones the questionnaire names are there.
    const pictograms = Object.fromEntries(source.pictograms.map((name) => [name, `pictograms/${name}.svg`]));
    return { ok: true, loaded: { questionnaire, locales: { [locale.language]: tree }, pictograms, contentHash: contentHashOfLanguage }, warnings: [] };
  } catch {
    return undefined;
  }
}
