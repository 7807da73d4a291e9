import { describe, expect, it } from 'vitest';
import { i18n, interfaceT } from '../../src/i18n/index.ts';

// interfaceT remembers strings it has looked up: it must answer exactly as i18next does, per
// options, and forget when strings are added (the professional space's, a language's file).
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
