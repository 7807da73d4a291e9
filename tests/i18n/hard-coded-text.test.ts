// No user-facing words written in a .tsx: they all come from src/i18n/locales or from the
// questionnaire's locales, so that every language shows them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardCodedText } from './jsx-text.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => join(SRC, f));

describe('the scanner', () => {
  it('finds words in JSX text and in spoken attributes', () => {
    const sample = [
      'export const A = () => (',
      '  <div class="start" id="x" aria-label="Fermer le menu">',
      '    <p>Bonjour</p>',
      '    <button title={"Suivant"} alt=\'\'>',
      '      Étape suivante',
      '    </button>',
      '    <img alt={`Un globe`} />',
      '  </div>',
      ');',
    ].join('\n');
    expect(hardCodedText(sample)).toEqual([
      { line: 3, text: 'Bonjour' },
      { line: 5, text: 'Étape suivante' },
      { line: 2, text: 'aria-label="Fermer le menu"' },
      { line: 4, text: 'title="Suivant"' },
      { line: 7, text: 'alt="Un globe"' },
    ]);
  });

  it('leaves code, class names, ids, empty values, comments and translated text alone', () => {
    const sample = [
      'const ref = useRef<HTMLDivElement>(null);',
      'function f<T>(x: T): Promise<void> { return a < b && c > d ? x : x; }',
      '// <p>Bonjour</p>',
      '/* <p>Au revoir</p> */',
      'export const B = () => <p class="lead" id="intro" aria-label="" title={t("ui.x")}>{t("ui.start.title")} {count}</p>;',
      'const C = () => <><span aria-hidden="true">!</span>{label}</>;',
    ].join('\n');
    expect(hardCodedText(sample)).toEqual([]);
  });
});

describe('src/**/*.tsx', () => {
  it.each(files.map((f) => [relative(join(SRC, '..'), f), f]))('%s writes no words in JSX', (_name, file) => {
    const found = hardCodedText(readFileSync(file, 'utf8')).map((f) => `line ${f.line}: ${f.text}`);
    expect(found, 'put these in src/i18n/locales/<lang>.json and read them with t()').toEqual([]);
  });
});
