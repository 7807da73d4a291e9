// The exercises' strings (src/i18n/exercise/<lang>.json, loaded with the exercise screens) say how
// to do every exercise and every end, kindly. Their keys in every language: lazy-strings.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISE_TYPES } from '../../src/core/index.ts';
import { leaves, type Tree } from './keys.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'i18n');
const read = (folder: string, language: string) => JSON.parse(readFileSync(join(DIR, folder, `${language}.json`), 'utf8')) as { ui: Tree };
const fr = read('exercise', 'fr');

describe('exercise strings', () => {
  it('say how to do every exercise kind, and every end', () => {
    const keys = leaves(fr.ui).map(([k]) => k);
    for (const type of EXERCISE_TYPES) expect(keys).toContain(`exercise.how.${type}`);
    for (const end of ['success', 'partial', 'failure', 'skipped', 'noPointer']) expect(keys).toContain(`exercise.done.${end}`);
  });

  it('never call an answer "faux" or "erreur": friendly, not a school test', () => {
    for (const [key, text] of leaves(fr.ui)) expect(text, key).not.toMatch(/\b(faux|fausse|erreur|échec|raté)\b/i);
  });
});
