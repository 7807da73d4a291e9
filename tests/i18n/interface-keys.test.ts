// Every interface language has every key of the French reference (`ui`), plural forms by its own
// grammar. The validator's messages (`validation`, read by the people who edit questionnaires) live
// in src/i18n/validation/, loaded only when needed, in French and English only: any other language
// falls back to French for them, key by key, through i18next's fallbackLng.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareKeys, leaves, textProblems, type Tree } from './keys.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'locales');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const read = (language: string, dir = DIR) => JSON.parse(readFileSync(join(dir, `${language}.json`), 'utf8')) as { ui?: Tree; validation?: Tree };
const fr = read('fr');
const VALIDATION_DIR = join(DIR, '..', 'validation');
const frValidation = read('fr', VALIDATION_DIR);
const languages = files.map((f) => f.replace(/\.json$/, '')).filter((l) => l !== 'fr');

/** Languages in which questionnaire editors read the validator's messages. */
const VALIDATION_LANGUAGES = ['en'];

describe('interface locale files', () => {
  it('are the six languages of the kiosk and easy-read French', () => {
    expect(languages.sort()).toEqual(['ar', 'en', 'es', 'fr-FALC', 'uk']);
  });

  it('name each of them in itself, so the first screen never asks the browser', () => {
    const names = leaves(fr.ui ?? {}).filter(([k]) => k.startsWith('language.names.'));
    expect(Object.fromEntries(names)).toEqual({
      'language.names.fr': 'Français',
      'language.names.fr-FALC': 'Français facile à lire',
      'language.names.en': 'English',
      'language.names.ar': 'العربية',
      'language.names.uk': 'Українська',
      'language.names.es': 'Español',
    });
  });

  describe.each(languages)('%s', (language) => {
    const tree = read(language);

    it('has every `ui` key of French, and no other', () => {
      const { missing, unknown } = compareKeys(fr.ui ?? {}, tree.ui ?? {}, language);
      expect(missing, `keys missing in src/i18n/locales/${language}.json`).toEqual([]);
      expect(unknown, `keys in src/i18n/locales/${language}.json that French does not have`).toEqual([]);
    });

    it(VALIDATION_LANGUAGES.includes(language) ? 'has every `validation` key of French' : 'leaves `validation` to French', () => {
      expect(Object.keys(tree)).toEqual(['ui']);
      const present = readdirSync(VALIDATION_DIR).includes(`${language}.json`);
      expect(present, `src/i18n/validation/${language}.json`).toBe(VALIDATION_LANGUAGES.includes(language));
      if (!present) return;
      const { missing, unknown } = compareKeys(frValidation.validation ?? {}, read(language, VALIDATION_DIR).validation ?? {}, language);
      expect(missing, `validation keys missing in ${language}`).toEqual([]);
      expect(unknown, `validation keys in ${language} that French does not have`).toEqual([]);
    });

    it('has no empty text and keeps every {{placeholder}} of French', () => {
      const problems = textProblems(fr.ui ?? {}, tree.ui ?? {}, language);
      expect(problems).toEqual([]);
    });

    it('names every language in itself, as French does', () => {
      const names = (t: Tree | undefined) => Object.fromEntries(leaves(t ?? {}).filter(([k]) => k.startsWith('language.names.')));
      expect(names(tree.ui)).toEqual(names(fr.ui));
    });
  });

  it('reports a missing key by language and key', () => {
    const { missing } = compareKeys({ a: { b: 'x', n_one: '1', n_other: 'n' } }, { a: { n_one: '1', n_other: 'n' } }, 'ar');
    expect(missing).toEqual(['ar: missing "a.b"', 'ar: missing "a.n_few"', 'ar: missing "a.n_many"', 'ar: missing "a.n_two"', 'ar: missing "a.n_zero"']);
  });
});
