// The result's own strings (src/i18n/result/<lang>.json, loaded with the result screen: hours in
// words, French names kept in translations) exist in every interface language, with the keys and
// placeholders of French, and never clash with the interface files they are merged into.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareKeys, leaves, type Tree } from './keys.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'i18n');
const languagesOf = (folder: string) => readdirSync(join(DIR, folder)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
const read = (folder: string, language: string) => JSON.parse(readFileSync(join(DIR, folder, `${language}.json`), 'utf8')) as { ui: Tree };
const fr = read('result', 'fr');
const names = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('result strings', () => {
  it('exist for every interface language', () => {
    expect(languagesOf('result')).toEqual(languagesOf('locales'));
  });

  describe.each(languagesOf('result').filter((l) => l !== 'fr'))('%s', (language) => {
    it('has every key of French, no other, no empty text, the same placeholders', () => {
      const tree = read('result', language);
      const { missing, unknown } = compareKeys(fr.ui, tree.ui, language);
      expect([missing, unknown]).toEqual([[], []]);
      const reference = new Map(leaves(fr.ui));
      for (const [key, value] of leaves(tree.ui)) {
        expect(value.trim(), `${language} ${key}`).not.toBe('');
        expect(names(value), `${language} ${key}`).toEqual(names(reference.get(key) ?? ''));
      }
    });
  });

  it.each(languagesOf('result'))('%s: no key also in the interface file it is merged into', (language) => {
    const merged = new Set(leaves(read('locales', language).ui).map(([k]) => k));
    expect(leaves(read('result', language).ui).map(([k]) => k).filter((k) => merged.has(k))).toEqual([]);
  });
});
