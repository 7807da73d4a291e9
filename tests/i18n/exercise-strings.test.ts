// The exercises' strings (src/i18n/exercise/<lang>.json, loaded with the exercise screens) exist in
// every interface language, with the keys and placeholders of French, and never clash with the
// interface files they are merged into.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISE_TYPES } from '../../src/core/index.ts';
import { compareKeys, leaves, type Tree } from './keys.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'i18n');
const languagesOf = (folder: string) => readdirSync(join(DIR, folder)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
const read = (folder: string, language: string) => JSON.parse(readFileSync(join(DIR, folder, `${language}.json`), 'utf8')) as { ui: Tree };
const fr = read('exercise', 'fr');

describe('exercise strings', () => {
  it('exist for every interface language', () => {
    expect(languagesOf('exercise')).toEqual(languagesOf('locales'));
  });

  it('say how to do every exercise kind, and every end', () => {
    const keys = leaves(fr.ui).map(([k]) => k);
    for (const type of EXERCISE_TYPES) expect(keys).toContain(`exercise.how.${type}`);
    for (const end of ['success', 'partial', 'failure', 'skipped', 'noPointer']) expect(keys).toContain(`exercise.done.${end}`);
  });

  it('never call an answer "faux" or "erreur": friendly, not a school test', () => {
    for (const [key, text] of leaves(fr.ui)) expect(text, key).not.toMatch(/\b(faux|fausse|erreur|échec|raté)\b/i);
  });

  describe.each(languagesOf('exercise').filter((l) => l !== 'fr'))('%s', (language) => {
    const tree = read('exercise', language);
    it('has every key of French, no other, no empty text, the same placeholders', () => {
      const { missing, unknown } = compareKeys(fr.ui, tree.ui, language);
      expect(missing).toEqual([]);
      expect(unknown).toEqual([]);
      const reference = new Map(leaves(fr.ui));
      for (const [key, value] of leaves(tree.ui)) {
        expect(value.trim(), `${language} ${key}`).not.toBe('');
        const names = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(names(value), `${language} ${key}`).toEqual(names(reference.get(key) ?? ''));
      }
    });
  });

  it.each(languagesOf('exercise'))('%s: no key also in the interface file it is merged into', (language) => {
    const merged = new Set(leaves(read('locales', language).ui).map(([k]) => k));
    expect(leaves(read('exercise', language).ui).map(([k]) => k).filter((k) => merged.has(k))).toEqual([]);
  });
});
