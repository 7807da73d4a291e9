// The validator's messages (src/i18n/validation/<lang>.json, keys `validation.…`), in French (the
// reference) and English, for the people who edit questionnaires and settings. Only a broken file
// or an import in the professional space needs them, so they are loaded with import() then, never
// with the first screen, and merged into the same i18next bundle; other languages fall back to French.
// Their formatter (problems.ts) comes with them: the start screen's chunk carries neither.
import type { ResourceLanguage, TFunction } from 'i18next';
import type { Problem } from '../core/index.ts';
import { lazyStrings, stringFilesByLanguage } from './index.ts';

const loaders = import.meta.glob<ResourceLanguage>('./validation/*.json', { import: 'default' });

export const VALIDATION_STRING_FILES = stringFilesByLanguage(loaders);

const loadStrings = lazyStrings(VALIDATION_STRING_FILES);
let format: typeof import('./problems.ts').formatProblem | undefined;

/** Loads the messages in every language they have, and their formatter, once. */
export const loadValidationStrings = (): Promise<unknown> =>
  Promise.all([
    loadStrings(),
    import('./problems.ts').then((module) => {
      format = module.formatProblem;
    }),
  ]);

/** One problem in the reader's language (problems.ts); before the formatter is there (it failed to load), by its file, path and code. */
export function problemLine(problem: Problem, t: TFunction): string {
  return format ? format(problem, t) : `${problem.file} ${problem.named ?? problem.path}: ${problem.code}`;
}
