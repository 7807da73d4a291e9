// Every questionnaire has, in each language it declares, every text of its reference language
// (the validator checks this too, at build time; this names each missing key in the test report).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareKeys, type Tree } from './keys.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'questionnaires');
const ids = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'questionnaire.json')))
  .map((d) => d.name);

const readJson = <T>(...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as T;

describe.each(ids)('questionnaire %s', (id) => {
  const { languages, defaultLanguage } = readJson<{ languages: string[]; defaultLanguage?: string }>(id, 'questionnaire.json');
  const reference = defaultLanguage ?? languages[0] ?? 'fr';

  it('has a locale file for each declared language, and none other', () => {
    const files = readdirSync(join(ROOT, id, 'locales')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...languages].sort());
  });

  describe.each(languages.filter((l) => l !== reference))('%s', (language) => {
    it(`has every text of ${reference}, and no other`, () => {
      const { missing, unknown } = compareKeys(readJson<Tree>(id, 'locales', `${reference}.json`), readJson<Tree>(id, 'locales', `${language}.json`), language);
      expect(missing, `texts missing in questionnaires/${id}/locales/${language}.json`).toEqual([]);
      expect(unknown, `texts in questionnaires/${id}/locales/${language}.json that ${reference} does not have`).toEqual([]);
    });
  });
});

describe('autonomie-numerique', () => {
  it('is offered in French, easy-read French, English, Arabic, Ukrainian and Spanish', () => {
    expect(readJson<{ languages: string[] }>('autonomie-numerique', 'questionnaire.json').languages).toEqual(['fr', 'fr-FALC', 'en', 'ar', 'uk', 'es']);
  });

  it('keeps the desk names and the helpline number in every language', () => {
    const { languages } = readJson<{ languages: string[] }>('autonomie-numerique', 'questionnaire.json');
    // Translations keep them; easy-read French may choose simpler words where French names them.
    for (const language of languages.filter((l) => !l.startsWith('fr'))) {
      const text = readFileSync(join(ROOT, 'autonomie-numerique', 'locales', `${language}.json`), 'utf8');
      for (const name of ['France Services', 'FranceConnect', 'CAF', 'Aidants Connect', 'Solidarité Numérique', '01 70 772 372']) {
        expect(text.includes(name), `${language}: "${name}"`).toBe(true);
      }
    }
  });
});
