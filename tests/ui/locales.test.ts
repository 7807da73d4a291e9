import { describe, expect, it } from 'vitest';
import fr from '../../src/i18n/locales/fr.json' with { type: 'json' };
import en from '../../src/i18n/locales/en.json' with { type: 'json' };
import frValidation from '../../src/i18n/validation/fr.json' with { type: 'json' };
import enValidation from '../../src/i18n/validation/en.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}/`)));
const keys = (tree: Tree) => leaves(tree).map(([k]) => k);

describe('interface strings', () => {
  it('have the same keys in every language (French is the reference)', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(fr as Tree).sort());
    expect(keys(enValidation as Tree).sort()).toEqual(keys(frValidation as Tree).sort());
  });

  it('are never empty', () => {
    for (const [name, tree] of Object.entries({ fr, en, frValidation, enValidation })) {
      for (const [key, value] of leaves(tree as Tree)) expect(value.trim(), `${name}: ${key}`).not.toBe('');
    }
  });

  it('keep the validator messages in files of their own, loaded only when a file is broken', () => {
    expect(Object.keys(fr)).toEqual(['ui']);
    expect(Object.keys(frValidation)).toEqual(['validation']);
  });
});
