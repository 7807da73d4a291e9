import type { TFunction } from 'i18next';
import type { Problem } from '../core/index.ts';
import type { DiProblem } from '../core/data-inclusion.ts';

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

function diWhere(p: DiProblem, t: TFunction): string {
  if ('path' in p.at) return p.at.path;
  return p.at.column ? t('pro.places.di.at.lineColumn', { line: p.at.line, column: p.at.column }) : t('pro.places.di.at.line', { line: p.at.line });
}

/** One problem of a data·inclusion file as a sentence in the reader's language (the professional space's places strings). */
export function formatDiProblem(p: DiProblem, t: TFunction): string {
  const params = { ...p.params, interpolation: { escapeValue: false } };
  let message = t(`pro.places.di.codes.${p.code}`, params);
  if (typeof p.params.suggestion === 'string' && p.params.suggestion !== '') message += ` ${t('pro.places.di.suggestion', params)}`;
  if (p.severity === 'warning') message = `(${t('pro.places.di.warning')}) ${message}`;
  return t('pro.places.di.line', { file: p.file, where: diWhere(p, t), message, interpolation: { escapeValue: false } });
}
