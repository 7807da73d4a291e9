// The kiosk reads its interface strings without i18next (src/i18n/index.ts): every key of every
// string file, in every language, must read exactly as i18next reads it (fallbacks to the base
// language then French, plural forms by the language's rules, {{values}}), and so must the
// professional space's i18next (src/i18n/i18next.ts), which mirrors the same strings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type ResourceLanguage } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { addStrings, bundleCode, direction, interfaceT, REFERENCE_LANGUAGE, setLanguage, UI_LANGUAGES } from '../../src/i18n/index.ts';
import { loadExerciseStrings } from '../../src/i18n/exercise.ts';
import { loadNoticeStrings } from '../../src/i18n/notices.ts';
import { loadProStrings, PRO_STRING_FILES } from '../../src/i18n/pro.ts';
import { loadResultStrings } from '../../src/i18n/result.ts';
import { loadValidationStrings } from '../../src/i18n/validation.ts';
import { leaves, type Tree } from './keys.ts';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'i18n');
const read = (path: string) => JSON.parse(readFileSync(join(DIR, path), 'utf8')) as Tree;
const FOLDERS = ['locales', 'result', 'exercise', 'notices', 'validation'];
const LANGUAGES = ['fr', 'fr-FALC', 'en', 'ar', 'uk', 'es'];
/** Every file the app merges in, as [language, tree]. */
const FILES: [string, Tree][] = [
  ...FOLDERS.flatMap((folder) => LANGUAGES.flatMap((l): [string, Tree][] => (l !== 'fr' || folder !== 'locales' ? tryRead(`${folder}/${l}.json`, l) : []))),
  ...PRO_STRING_FILES.flatMap((f) => tryRead(`pro/${f.part}/${f.language}.json`, f.language)),
];
function tryRead(path: string, language: string): [string, Tree][] {
  try {
    return [[language, read(path)]];
  } catch {
    return [];
  }
}

/** An i18next instance set up the usual way, with every file: the reference the kiosk's reader is held to. */
const oracle = i18next.createInstance();
oracle.init({ lng: REFERENCE_LANGUAGE, fallbackLng: REFERENCE_LANGUAGE, resources: { fr: { translation: read('locales/fr.json') as ResourceLanguage } }, initAsync: false, interpolation: { escapeValue: false } });
for (const [language, tree] of FILES) oracle.addResourceBundle(bundleCode(language), 'translation', tree, true, true);

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Every key the app may ask for (a plural key by its base), with the values its {{names}} ask for. */
const KEYS = (() => {
  const byKey = new Map<string, Set<string>>();
  for (const [, tree] of FILES) {
    for (const [key, text] of leaves(tree)) {
      const base = key.replace(PLURAL, '');
      const names = byKey.get(base) ?? new Set<string>();
      for (const [, inner] of text.matchAll(/\{\{-?(.+?)\}\}/g)) names.add((inner ?? '').split(',')[0]!.trim());
      if (base !== key) names.add('count');
      byKey.set(base, names);
    }
  }
  return byKey;
})();
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 21, 22, 100, 1.5];

beforeAll(async () => {
  for (const language of LANGUAGES) await setLanguage(language);
  await Promise.all([loadResultStrings(), loadExerciseStrings(), loadNoticeStrings(), loadValidationStrings(), loadProStrings()]);
});

describe('interface strings without i18next', () => {
  it('know every file of every folder', () => {
    expect(KEYS.size).toBeGreaterThan(300);
    expect(FILES.length).toBeGreaterThan(FOLDERS.length * 2 + PRO_STRING_FILES.length - 1);
  });

  // Easy-read French falls back key by key to French; "xx" (no file) and "fr-CA" show the reference's.
  it.each([...UI_LANGUAGES, 'xx', 'fr-CA'])('in %s, every key reads as i18next reads it, counts and values included', async (language) => {
    const { i18nextT } = await loadProStrings();
    const t = interfaceT(language);
    const expected = oracle.getFixedT(language);
    const mirrored = i18nextT(language);
    for (const [key, names] of KEYS) {
      const optionSets: (Record<string, unknown> | undefined)[] = [undefined];
      const values = Object.fromEntries([...names].map((n, i) => [n, n === 'count' ? 1 : i % 2 ? 42.5 : `‹${n}›`]));
      if (names.size) optionSets.push(values, { ...values, [[...names][0]!]: undefined }, {});
      if (names.has('count')) optionSets.push(...COUNTS.map((count) => ({ ...values, count })));
      for (const options of optionSets) {
        const want = expected(key, options);
        expect([key, options, t(key, options)]).toEqual([key, options, want]);
        expect([key, options, mirrored(key, options)]).toEqual([key, options, want]);
      }
    }
  });

  it('says which way each language is written, as i18next does', () => {
    for (const language of [...UI_LANGUAGES, 'he', 'fa', 'ur', 'ckb', 'az-Arab', 'pa-Arab', 'en-GB', 'de', 'xx']) {
      expect([language, direction(language)]).toEqual([language, oracle.dir(language)]);
    }
    expect(direction('ar')).toBe('rtl');
  });

  it('gives the key itself for a missing string, and shows a string merged in later', () => {
    const t = interfaceT('en');
    expect(t('test.later')).toBe('test.later');
    addStrings('fr', { test: { later: 'Arrivée plus tard', count_one: '{{count}} fois', count_other: '{{count}} fois en tout' } });
    expect(t('test.later')).toBe('Arrivée plus tard');
    expect(t('test.count', { count: 2 })).toBe('2 fois en tout');
    addStrings('en', { test: { later: 'Came later' } });
    expect(t('test.later')).toBe('Came later');
  });

  it('writes the French start screen in French', () => {
    const t = interfaceT('fr');
    expect(t('ui.start.duration', { count: 1 })).toBe('Cela prend environ 1 minute.');
    expect(t('ui.start.duration', { count: 12 })).toBe('Cela prend environ 12 minutes.');
  });
});
