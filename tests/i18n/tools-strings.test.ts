// The workshop, places and observatory parts of the professional space's strings: French (the
// reference) and English have the same keys, no empty text, the same {{placeholders}}.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaves, type Tree } from './keys.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'pro');
const read = (part: string, language: string) => JSON.parse(readFileSync(join(DIR, part, `${language}.json`), 'utf8')) as Tree;

describe.each(['workshops', 'places', 'observatory'])('pro strings: %s', (part) => {
  const fr = new Map(leaves(read(part, 'fr')));
  const en = new Map(leaves(read(part, 'en')));

  it('lives under pro.<part>', () => {
    expect([...fr.keys()].every((k) => k.startsWith(`pro.${part}.`))).toBe(true);
  });

  it('has the same keys and placeholders in English as in French, none empty', () => {
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    for (const [key, text] of fr) {
      const other = en.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(other), key).toEqual(names(text));
    }
  });
});
