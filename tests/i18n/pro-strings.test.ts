// The professional space's strings: every part in French (the reference) and English, with the same
// keys, all under pro.<part>; loaded into the interface bundle without hiding the kiosk's own strings.
import { describe, expect, it } from 'vitest';
import { interfaceT, setLanguage } from '../../src/i18n/index.ts';
import { loadProStrings, PRO_STRING_FILES } from '../../src/i18n/pro.ts';

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));

describe('professional strings', () => {
  it('has the space and interview parts at least, each in fr and en only', () => {
    const parts = [...new Set(PRO_STRING_FILES.map((f) => f.part))];
    expect(parts).toEqual(expect.arrayContaining(['space', 'interview']));
    for (const part of parts) {
      expect(PRO_STRING_FILES.filter((f) => f.part === part).map((f) => f.language).sort(), part).toEqual(['en', 'fr']);
    }
  });

  it('keeps every part under pro.<part>, with the same keys in French and English', async () => {
    for (const part of new Set(PRO_STRING_FILES.map((f) => f.part))) {
      const [fr, en] = await Promise.all(['fr', 'en'].map((l) => PRO_STRING_FILES.find((f) => f.part === part && f.language === l)!.load()));
      expect(Object.keys(fr as Tree), part).toEqual(['pro']);
      expect(Object.keys((fr as { pro: Tree }).pro), part).toEqual([part]);
      const frKeys = keysOf(fr as Tree);
      expect(frKeys.length).toBeGreaterThan(0);
      expect(keysOf(en as Tree).sort(), part).toEqual(frKeys.sort());
      for (const key of frKeys) {
        const value = key.split('.').reduce<unknown>((node, k) => (node as Tree)[k], fr);
        expect(String(value).trim(), key).not.toBe('');
      }
    }
  });

  it('merges into the interface strings, read by i18next in the space; other languages fall back to French; the kiosk strings stay', async () => {
    const { i18nextT } = await loadProStrings();
    await setLanguage('en');
    for (const t of [interfaceT('en'), i18nextT('en')]) {
      expect(t('pro.space.lock')).toBe('Lock');
      expect(t('ui.start.begin')).toBe('Start');
    }
    await setLanguage('uk');
    for (const t of [interfaceT('uk'), i18nextT('uk')]) {
      expect(t('pro.space.lock')).toBe('Verrouiller');
      expect(t('ui.start.begin')).not.toBe('Commencer');
    }
    expect(i18nextT('fr')('pro.space.lock')).toBe('Verrouiller');
  });
});
