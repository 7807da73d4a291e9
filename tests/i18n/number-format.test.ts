// Numbers in the professional results are written the way the language writes them: "11,5 sur 19".
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import fr from '../../src/i18n/pro/interview/fr.json' with { type: 'json' };
import en from '../../src/i18n/pro/interview/en.json' with { type: 'json' };

describe('points of an area', () => {
  it('have a decimal comma in French and a point in English', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'fr', resources: { fr: { translation: fr }, en: { translation: en } }, interpolation: { escapeValue: false } });
    expect(i18n.t('pro.interview.points', { points: 11.5, max: 19 })).toBe('11,5 sur 19');
    expect(i18n.getFixedT('en')('pro.interview.points', { points: 11.5, max: 19 })).toBe('11.5 out of 19');
  });
});
