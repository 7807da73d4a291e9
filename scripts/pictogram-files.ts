// Reads a questionnaire folder's pictograms (pictograms/<name>.svg) from disk and checks them with
// the core's drawingOf: the build inlines them into questionnaires/index.json, `npm run validate`
// reports them (Node only).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { drawingOf, type PictogramProblem } from '../src/core/pictograms.ts';
import fr from '../src/i18n/pictograms/fr.json' with { type: 'json' };
import en from '../src/i18n/pictograms/en.json' with { type: 'json' };
import { ROOT } from './questionnaire-files.ts';

/** The drawings of the named pictograms of a folder, for index.json, and what is wrong with each refused file (one line a person can act on). */
export function readPictograms(folder: string, names: readonly string[], language: 'fr' | 'en' = 'fr'): { drawings: Record<string, string>; problems: { file: string; message: string }[] } {
  const drawings: Record<string, string> = {};
  const problems: { file: string; message: string }[] = [];
  for (const name of [...names].sort()) {
    const path = join(folder, 'pictograms', `${name}.svg`);
    const drawing = drawingOf(readFileSync(path, 'utf8'));
    if (drawing.ok) drawings[name] = drawing.markup;
    else {
      const file = relative(ROOT, path).split('\\').join('/');
      problems.push({ file, message: formatPictogramProblem(file, drawing.problem, language) });
    }
  }
  return { drawings, problems };
}

/** One line a person can act on: the file, what is wrong, the fix. */
export function formatPictogramProblem(file: string, problem: PictogramProblem, language: 'fr' | 'en' = 'fr'): string {
  const messages = (language === 'en' ? en : fr).pictogram as Record<string, string>;
  const text = (messages[problem.code.replace(/^pictogram\./, '')] ?? problem.code).replace(/\{\{(\w+)\}\}/g, (_, key: string) => problem.params[key] ?? '');
  return `${file} : ${text}`;
}
