import { describe, expect, it } from 'vitest';
import { i18n, interfaceT, setLanguage, UI_LANGUAGES } from '../../src/i18n/index.ts';
import reference from '../../src/i18n/locales/fr.json';
import { leaves, type Tree } from './keys.ts';

// interfaceT remembers strings it has looked up: it must answer exactly as i18next does, per
// options, and forget when strings are added (the professional space's, a language's file).
describe('interface strings, read straight from the bundles', () => {
  // Every key of the reference, in every interface language (easy-read French falls back key by key):
  // the same text as i18next gives, whether read plainly or handed to i18next.
  it.each([...UI_LANGUAGES, 'xx'])('in %s, every key reads as i18next reads it', async (language) => {
    await setLanguage(language);
    const t = interfaceT(language);
    const plain = i18n.getFixedT(language);
    const keys = leaves(reference as Tree).map(([key]) => key);
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) expect([key, t(key)]).toEqual([key, plain(key)]);
    // Twice: the remembered answers are the same.
    for (const key of keys) expect([key, t(key)]).toEqual([key, plain(key)]);
  });
});

describe('interface strings, remembered', () => {
  it('answers as i18next does, the count included', () => {
    const t = interfaceT('fr');
    const plain = i18n.getFixedT('fr');
    expect(t('ui.start.title')).toBe(plain('ui.start.title'));
    expect(t('ui.start.duration', { count: 1 })).toBe('Cela prend environ 1 minute.');
    expect(t('ui.start.duration', { count: 12 })).toBe('Cela prend environ 12 minutes.');
    // Asked again, the same answers (and not the first one's).
    expect(t('ui.start.duration', { count: 1 })).toBe('Cela prend environ 1 minute.');
  });

  it('shows a string added after it was first asked for', () => {
    const t = interfaceT('fr');
    expect(t('test.later')).toBe('test.later');
    i18n.addResourceBundle('fr', 'translation', { test: { later: 'Arrivée plus tard' } }, true, true);
    expect(t('test.later')).toBe('Arrivée plus tard');
    i18n.removeResourceBundle('fr', 'translation');
    i18n.addResourceBundle('fr', 'translation', { ui: { start: { title: 'Autre titre' } } }, true, true);
    expect(t('test.later')).toBe('test.later');
  });
});
