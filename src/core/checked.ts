// What the build proved sound, and the browser's fast path over it. Kept apart from the validator
// (validate.ts), which the browser loads with import() only for a file edited after the build. What
// the build writes (checkedFiles) is in checked-files.ts: its content hash then stays with the validator.
import type { CheckedFiles, FirstStep, LocaleTree, Questionnaire } from './types.ts';
import type { LoadResult, QuestionnaireSource } from './validate.ts';

/** A file's name inside its questionnaire folder ("questionnaire.json", "locales/fr.json"), wherever the folder sits. */
export function inFolder(folder: string, file: string): string {
  const at = file.lastIndexOf(`${folder}/`);
  return at < 0 ? file : file.slice(at + folder.length + 1);
}

/**
 * A file's fingerprint: SHA-256 of its text in UTF-8, in hex. The build computes it with Node's
 * crypto, the browser with WebCrypto (native, so a large file holds no script task); core only
 * compares.
 */
export type Fingerprint = (text: string) => string;

/** The fingerprint the build wrote for one file of the source, if it saw that file. */
export function builtFingerprint(source: QuestionnaireSource, file: { file: string }, checked: CheckedFiles): string | undefined {
  return checked.files[inFolder(source.folder, file.file)];
}

/** Step bounds as the build writes them: whole screens, at least one, the fewest no more than the most. Anything else is left for the run to walk. */
function soundFirstStep(step: FirstStep | undefined): step is FirstStep {
  return step !== undefined && Number.isInteger(step.atLeast) && Number.isInteger(step.atMost) && step.atLeast >= 1 && step.atLeast <= step.atMost;
}

/**
 * The browser's fast path: files exactly as the build checked them are parsed, not checked again
 * (on a slow tablet the checks hold the first screen for a tenth of a second). One language only.
 * The caller compares the files (`fingerprint`), or has compared them already (`filesCompared`).
 * Undefined as soon as anything differs (a file edited after the build, another language): the
 * caller then runs loadQuestionnaire, whose messages name the file, the JSON path and the fix.
 */
export function loadChecked(source: QuestionnaireSource, checked: CheckedFiles, compare: { fingerprint: Fingerprint } | { filesCompared: true }): LoadResult | undefined {
  const [locale, ...others] = source.locales;
  if (!locale || others.length > 0) return undefined;
  const contentHashOfLanguage = checked.contentHashes[locale.language];
  // An index written before the build computed the duration: checked in full, which computes it.
  if (contentHashOfLanguage === undefined || !checked.duration) return undefined;
  if ('fingerprint' in compare && ![source.structure, locale].every((file) => builtFingerprint(source, file, checked) === compare.fingerprint(file.text))) return undefined;
  try {
    const questionnaire = JSON.parse(source.structure.text) as Questionnaire;
    const tree = JSON.parse(locale.text) as LocaleTree;
    // Every pictogram of the folder: the build checked that the ones the questionnaire names are there.
    const pictograms = Object.fromEntries(source.pictograms.map((name) => [name, `pictograms/${name}.svg`]));
    return { ok: true, loaded: { questionnaire, locales: { [locale.language]: tree }, pictograms, contentHash: contentHashOfLanguage, duration: checked.duration, ...(soundFirstStep(checked.firstStep) ? { firstStep: checked.firstStep } : {}) }, warnings: [] };
  } catch {
    return undefined;
  }
}
