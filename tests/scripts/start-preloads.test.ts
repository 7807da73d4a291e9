// The <link>s the build writes into index.html (scripts/vite-questionnaires.ts, from src/ui/start-files.ts):
// the files a kiosk with the built settings.json reads at start, in the language it opens in, and the
// code it runs next. The e2e suite checks on the built page that each is fetched once and that the
// start reads nothing else (tests/e2e/questionnaires.spec.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsOf, type QuestionnaireIndexEntry, type SettingsFile } from '../../src/core/index.ts';
import { defaultLanguageFirst } from '../../src/ui/start-files.ts';
import { startPreloads } from '../../scripts/vite-questionnaires.ts';

const entry = (id: string, languages: string[], defaultLanguage: string, contentHash: string) => ({ id, languages, defaultLanguage, contentHash }) as QuestionnaireIndexEntry;
const INDEX = [entry('autonomie', ['fr', 'ar', 'en'], 'fr', 'h1'), entry('contact', ['en', 'fr'], 'en', 'h 2')];
const CHUNKS = { checker: 'assets/checker-1.js', run: 'assets/run-1.js', list: 'assets/list-1.js' };

/** The preloads for a settings.json text, read as the app reads it. */
function preloads(file: SettingsFile) {
  const text = JSON.stringify(file);
  const settings = defaultLanguageFirst(settingsOf(file, { questionnaires: INDEX }), text, INDEX);
  return startPreloads(settings, INDEX, CHUNKS).map((tag) => `${String(tag.attrs?.rel)} ${String(tag.attrs?.href)}${tag.attrs?.fetchpriority ? ` (${String(tag.attrs.fetchpriority)})` : ''}`);
}

describe('the files index.html preloads', () => {
  it('one questionnaire: its structure and its texts in the settings’ first language, then the checker and the first question’s code at low priority', () => {
    expect(preloads({ defaultQuestionnaire: 'autonomie', languages: ['ar', 'fr'] })).toEqual([
      'preload ./settings.json?fresh=1',
      'preload ./questionnaires/index.json',
      'preload ./questionnaires/autonomie/questionnaire.json?fresh=h1',
      'preload ./questionnaires/autonomie/locales/ar.json?fresh=h1',
      'modulepreload ./assets/checker-1.js (low)',
      'modulepreload ./assets/run-1.js (low)',
    ]);
  });

  it('without "languages": the questionnaire’s own default language; a language it lacks: its default language', () => {
    expect(preloads({ defaultQuestionnaire: 'contact' })).toContain('preload ./questionnaires/contact/locales/en.json?fresh=h%202');
    expect(preloads({ defaultQuestionnaire: 'contact', languages: ['ar'] })).toContain('preload ./questionnaires/contact/locales/en.json?fresh=h%202');
  });

  it('several offered: each one’s texts for the list, in the language on screen or its own, and the list’s code rather than the run’s', () => {
    expect(preloads({ defaultQuestionnaire: 'autonomie', questionnaires: ['autonomie', 'contact'], languages: ['ar', 'fr'] })).toEqual([
      'preload ./settings.json?fresh=1',
      'preload ./questionnaires/index.json',
      'preload ./questionnaires/autonomie/locales/ar.json?fresh=h1',
      'preload ./questionnaires/contact/locales/en.json?fresh=h%202',
      'modulepreload ./assets/checker-1.js (low)',
      'modulepreload ./assets/list-1.js (low)',
    ]);
  });

  it('a default questionnaire the build does not have: only the settings and the index (the error screen needs no more)', () => {
    const settings = { ...DEFAULT_SETTINGS, defaultQuestionnaire: 'gone', questionnaires: ['gone'] };
    expect(startPreloads(settings, INDEX, CHUNKS).map((tag) => tag.attrs?.href)).toEqual(['./settings.json?fresh=1', './questionnaires/index.json', './assets/checker-1.js', './assets/run-1.js']);
  });
});
