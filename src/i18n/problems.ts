import type { TFunction } from 'i18next';
import type { Problem } from '../core/index.ts';

/** One line per problem, in the reader's language: the file, the JSON path (naming the items it goes through), what is wrong and the fix. */
export function formatProblem(problem: Problem, t: TFunction): string {
  const params = { ...problem.params, interpolation: { escapeValue: false } };
  let message = t(`validation.codes.${problem.code}`, params);
  if (typeof problem.params.suggestion === 'string' && problem.params.suggestion !== '') {
    message += ` ${t('validation.suggestion', params)}`;
  }
  if (problem.severity === 'warning') message = `(${t('validation.warning')}) ${message}`;
  return t('validation.line', { file: problem.file, path: problem.named ?? problem.path, message, interpolation: { escapeValue: false } });
}
