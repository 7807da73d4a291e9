// A place's hours and phone in plain words, in every interface language.
import i18next from 'i18next';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frenchPhone, hoursInWords, telHref } from '../../src/ui/place-words.ts';

const LOCALES = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'locales');

function tOf(language: string) {
  const instance = i18next.createInstance();
  // The interface strings, with the result's own (src/i18n/result/, loaded with the result screen).
  const read = (folder: string) => JSON.parse(readFileSync(join(LOCALES, '..', folder, `${language}.json`), 'utf8')) as { ui: Record<string, unknown> };
  const translation = { ui: { ...read('locales').ui, ...read('result').ui } };
  void instance.init({ lng: 'x', resources: { x: { translation } }, initAsync: false, interpolation: { escapeValue: false } });
  return instance.t.bind(instance) as (key: string, options?: Record<string, unknown>) => string;
}

const words = (value: string, language: string) => hoursInWords(value, tOf(language), language);

describe('opening hours in words', () => {
  it('puts the example places into sentences of each language', () => {
    const value = 'Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00';
    expect(words(value, 'fr')?.sentences).toEqual(['Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h 30.', 'Le samedi, de 9 h à 12 h.']);
    expect(words(value, 'fr-FALC')?.sentences).toEqual(['Ouvert du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h 30.', 'Ouvert le samedi, de 9 h à 12 h.']);
    expect(words(value, 'en')?.sentences).toEqual(['Monday to Friday: 9:00 to 12:00 and 14:00 to 17:30.', 'Saturday: 9:00 to 12:00.']);
    expect(words(value, 'es')?.sentences).toEqual(['De lunes a viernes, de 9:00 a 12:00 y de 14:00 a 17:30.', 'El sábado, de 9:00 a 12:00.']);
    expect(words(value, 'uk')?.sentences).toEqual(['Понеділок – пʼятниця: 9:00–12:00 і 14:00–17:30.', 'Субота: 9:00–12:00.']);
    expect(words(value, 'ar')?.sentences).toEqual(['من الاثنين إلى الجمعة، من 9:00 إلى 12:00 ومن 14:00 إلى 17:30.', 'السبت، من 9:00 إلى 12:00.']);
  });

  it('names scattered days one by one, and says every day, closed holidays and the comment', () => {
    expect(words('Tu,Th 14:00-18:00', 'fr')?.sentences).toEqual(['Le mardi et le jeudi, de 14 h à 18 h.']);
    expect(words('Mo,We,Fr 10:00-12:00', 'fr')?.sentences).toEqual(['Le lundi, le mercredi et le vendredi, de 10 h à 12 h.']);
    expect(words('24/7', 'fr')?.sentences).toEqual(['Tous les jours, toute la journée.']);
    expect(words('Mo-Fr 08:30-17:00; PH off', 'fr')?.sentences).toEqual(['Du lundi au vendredi, de 8 h 30 à 17 h.', 'Fermé les jours fériés.']);
    expect(words('Mo-Fr 09:00-17:00; We off "sur rendez-vous"', 'en')).toEqual({
      sentences: ['Monday, Tuesday, Thursday, and Friday: 9:00 to 17:00.'],
      comment: 'Sur rendez-vous',
    });
  });

  it('leaves a value it cannot read to be shown as written', () => {
    expect(words('Lundi au vendredi 9h-17h', 'fr')).toBeUndefined();
    expect(words('Mo-Fr 08:00-12:00; Aug off', 'fr')).toBeUndefined();
  });
});

describe('phone numbers', () => {
  it('are grouped by two the French way, and dial the number as stored', () => {
    expect(frenchPhone('+33100000002')).toBe('01 00 00 00 02');
    expect(frenchPhone('0033 6 12 34 56 78')).toBe('06 12 34 56 78');
    expect(frenchPhone('01 70 772 372')).toBe('01 70 77 23 72');
    expect(frenchPhone('3939')).toBe('3939');
    expect(frenchPhone('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(telHref('01 70 772 372')).toBe('tel:0170772372');
    expect(telHref('+33 1 00 00 00 02')).toBe('tel:+33100000002');
  });
});
