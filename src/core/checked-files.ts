// What the build writes into questionnaires/index.json: kept apart from checked.ts, the browser's
// fast path, so that the content hash (hash.ts) comes with the validator's chunk, not the start screen's.
import { inFolder, type Fingerprint } from './checked.ts';
import { contentHash } from './hash.ts';
import { firstStepOf } from './progress.ts';
import type { CheckedFiles, LoadedQuestionnaire } from './types.ts';
import type { QuestionnaireSource } from './validate.ts';

/**
 * What the build proved sound, for questionnaires/index.json: each file's fingerprint and the
 * content hash of the questionnaire in each language alone (what the browser, loading one language,
 * computes), with what the browser would otherwise walk the questionnaire for: its duration and
 * the first screen's step bounds. Call it only on a source that loadQuestionnaire accepted, with its result.
 */
export function checkedFiles(source: QuestionnaireSource, loaded: LoadedQuestionnaire, fingerprint: Fingerprint): CheckedFiles {
  const files: Record<string, string> = { [inFolder(source.folder, source.structure.file)]: fingerprint(source.structure.text) };
  for (const locale of source.locales) files[inFolder(source.folder, locale.file)] = fingerprint(locale.text);
  const contentHashes = Object.fromEntries(Object.entries(loaded.locales).map(([language, tree]) => [language, contentHash([loaded.questionnaire, { [language]: tree }])]));
  return { files, contentHashes, duration: loaded.duration, firstStep: firstStepOf(loaded.questionnaire) };
}
