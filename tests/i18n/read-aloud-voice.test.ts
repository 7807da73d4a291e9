// Read-aloud speaks with a voice of the current language where the browser has one.
import { describe, expect, it } from 'vitest';
import { voiceFor } from '../../src/ui/read-aloud.tsx';

const voice = (lang: string, name = lang) => ({ lang, name, default: false, localService: true, voiceURI: name }) as SpeechSynthesisVoice;
const voices = [voice('fr-FR'), voice('en-GB'), voice('en-US'), voice('ar-SA'), voice('uk-UA'), voice('es-ES'), voice('es_MX', 'android-es')];

describe('voiceFor', () => {
  it.each([
    ['fr', 'fr-FR'],
    ['fr-FALC', 'fr-FR'],
    ['en', 'en-GB'],
    ['ar', 'ar-SA'],
    ['uk', 'uk-UA'],
    ['es', 'es-ES'],
    ['en-US', 'en-US'],
  ])('reads %s with a voice in %s', (language, lang) => {
    expect(voiceFor(voices, language)?.lang).toBe(lang);
  });

  it('finds no voice rather than one in another language', () => {
    expect(voiceFor([voice('fr-FR'), voice('en-GB')], 'ar')).toBeUndefined();
    expect(voiceFor([voice('es_MX')], 'es')?.lang).toBe('es_MX');
  });
});
