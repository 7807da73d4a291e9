// The string files loaded with import() beside a screen (src/i18n/<folder>/<lang>.json: the result's
// hours in words and kept French names, the exercises', the storage notices' and the idle warning's)
// exist in every interface language, with the keys and placeholders of French, no empty text, and
// never a key of the interface file they are merged into (one of the two would silently win).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareKeys, leaves, textProblems, type Tree } from './keys.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'i18n');
const languagesOf = (folder: string) => readdirSync(join(DIR, folder)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
const read = (folder: string, language: string) => JSON.parse(readFileSync(join(DIR, folder, `${language}.json`), 'utf8')) as { ui: Tree };

describe.each(['result', 'exercise', 'notices'])('src/i18n/%s/', (folder) => {
  const fr = read(folder, 'fr');

  it('has a file for every interface language', () => {
    expect(languagesOf(folder)).toEqual(languagesOf('locales'));
  });

  it.each(languagesOf(folder).filter((l) => l !== 'fr'))('%s: every key of French, no other, no empty text, the placeholders of French', (language) => {
    const tree = read(folder, language);
    const { missing, unknown } = compareKeys(fr.ui, tree.ui, language);
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
    expect(textProblems(fr.ui, tree.ui, language)).toEqual([]);
  });

  it.each(languagesOf(folder))('%s: no key also in the interface file it is merged into', (language) => {
    const merged = new Set(leaves(read('locales', language).ui).map(([k]) => k));
    expect(leaves(read(folder, language).ui).map(([k]) => k).filter((k) => merged.has(k))).toEqual([]);
  });
});

describe('the notices', () => {
  it('say every storage notice the app raises, and the idle warning', () => {
    const keys = leaves(read('notices', 'fr').ui).map(([k]) => k);
    for (const code of ['unavailable', 'blocked', 'outdated', 'quota', 'failed', 'resumedChanged', 'unreadable']) expect(keys).toContain(`storage.${code}`);
    for (const key of ['idle.title', 'idle.text_one', 'idle.text_other', 'idle.stay', 'idle.leave']) expect(keys).toContain(key);
  });
});
