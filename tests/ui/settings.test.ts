import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/questionnaire-files.ts';
import { DEFAULT_SETTINGS, PROBLEM_CODES, readSettings, type Problem } from '../../src/core/index.ts';
import fr from '../../src/i18n/validation/fr.json' with { type: 'json' };
import en from '../../src/i18n/validation/en.json' with { type: 'json' };

const context = { questionnaires: [{ id: 'exemple', languages: ['fr', 'en'] }, { id: 'autonomie-numerique', languages: ['fr', 'fr-FALC', 'en', 'ar'] }] };
const read = (value: unknown) => readSettings(typeof value === 'string' ? value : JSON.stringify(value), context);
const problems = (value: unknown): Pick<Problem, 'code' | 'path'>[] => {
  const result = read(value);
  return result.ok ? [] : result.problems.map(({ code, path }) => ({ code, path }));
};

describe('settings.json', () => {
  it('offers the real questionnaire when none is named, never a sample of the format, and says so when there are only samples', () => {
    const samples = { questionnaires: [{ id: 'exemple', languages: ['fr', 'en'], example: true }, { id: 'atelier', languages: ['fr'] }, { id: 'autonomie-numerique', languages: ['fr'] }] };
    for (const text of ['{}', '{"structure": "CCAS"}']) {
      const result = readSettings(text, samples);
      expect(result.ok && result.settings.defaultQuestionnaire).toBe('autonomie-numerique');
    }
    const [first, ...rest] = samples.questionnaires;
    const other = readSettings('{}', { questionnaires: [...rest.slice(0, 1), first!] });
    expect(other.ok && other.settings.defaultQuestionnaire).toBe('atelier');
    // Named, a sample is offered: the structure chose it.
    const named = readSettings('{"defaultQuestionnaire": "exemple"}', samples);
    expect(named.ok && named.settings.defaultQuestionnaire).toBe('exemple');
    const only = readSettings('{}', { questionnaires: [first!] });
    expect(only.ok ? [] : only.problems.map(({ code, path }) => ({ code, path }))).toEqual([{ code: 'settings.no-questionnaire', path: '$' }]);
  });

  it('accepts the shipped settings file', () => {
    const text = readFileSync(join(ROOT, 'public', 'settings.json'), 'utf8');
    // The example settings offer both questionnaires the build ships.
    const result = readSettings(text, { questionnaires: [...context.questionnaires, { id: 'rester-en-contact', languages: ['fr', 'fr-FALC', 'en', 'ar', 'uk', 'es'] }] });
    // No "languages": every language the default questionnaire has.
    expect(result.ok && result.settings).toEqual({
      structure: 'Espace public numérique',
      languages: ['fr', 'fr-FALC', 'en', 'ar'],
      idleSeconds: 90,
      // A kiosk by default: the professional space is enabled on a professional's device only (README).
      modes: ['kiosk'],
      proIdleMinutes: 10,
      defaultQuestionnaire: 'autonomie-numerique',
      questionnaires: ['autonomie-numerique', 'rester-en-contact'],
    });
  });

  it('offers several questionnaires, the default first, each one known to the build, each once', () => {
    const several = read({ questionnaires: ['exemple', 'autonomie-numerique'] });
    expect(several.ok && [several.settings.defaultQuestionnaire, several.settings.questionnaires]).toEqual(['exemple', ['exemple', 'autonomie-numerique']]);
    const named = read({ defaultQuestionnaire: 'autonomie-numerique', questionnaires: ['exemple'] });
    expect(named.ok && named.settings.questionnaires).toEqual(['autonomie-numerique', 'exemple']);
    const wrong = read({ questionnaires: ['autonomie-numerique', 'exempel', 'autonomie-numerique'] });
    expect(!wrong.ok && wrong.problems.map((p) => `${p.code} ${p.path} ${String(p.params.suggestion ?? '')}`)).toEqual(['settings.questionnaire $.questionnaires[1] exemple', 'id.duplicate $.questionnaires[2] ']);
  });

  it('fills what is left out with the defaults, and the questionnaire\'s own languages', () => {
    expect(read({})).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, languages: ['fr', 'fr-FALC', 'en', 'ar'] }, warnings: [] });
    expect(DEFAULT_SETTINGS.defaultQuestionnaire).toBe('autonomie-numerique');
    const result = read({ defaultQuestionnaire: 'autonomie-numerique', idleSeconds: 120.4 });
    expect(result.ok && result.settings).toEqual({ ...DEFAULT_SETTINGS, defaultQuestionnaire: 'autonomie-numerique', languages: ['fr', 'fr-FALC', 'en', 'ar'], idleSeconds: 120 });
  });

  it('names the file, the JSON path and the line of a syntax error', () => {
    const result = read('{\n  "idleSeconds": 90,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ code: 'json.parse', file: 'settings.json', path: '$', params: expect.objectContaining({ line: 3 }) })]);
  });

  it('reports every problem at once', () => {
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    expect(
      problems({ structure: '', languages: ['fr', 'de', 'fr', 'FR'], idleSeconds: 5, modes: ['kiosque', 'interview'], defaultQuestionnaire: 'exempel', theme: 'dark' }).sort(byPath),
    ).toEqual([
      { code: 'key.unknown', path: '$.theme' },
      { code: 'type.string', path: '$.structure' },
      { code: 'settings.questionnaire', path: '$.defaultQuestionnaire' },
      { code: 'id.duplicate', path: '$.languages[2]' },
      { code: 'language.format', path: '$.languages[3]' },
      { code: 'number.range', path: '$.idleSeconds' },
      { code: 'settings.mode', path: '$.modes[0]' },
    ].sort(byPath));
  });

  it('refuses a language the questionnaire does not have, and suggests names', () => {
    const result = read({ languages: ['fr', 'de'], modes: ['kiosks'], defaultQuestionnaire: 'exempel' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.find((p) => p.code === 'settings.mode')?.params).toMatchObject({ id: 'kiosks', suggestion: 'kiosk' });
    expect(result.problems.find((p) => p.code === 'settings.questionnaire')?.params).toMatchObject({ id: 'exempel', suggestion: 'exemple' });
    const fixed = read({ languages: ['fr', 'de'] });
    expect(fixed.ok ? [] : fixed.problems).toEqual([expect.objectContaining({ code: 'settings.language', path: '$.languages[1]', params: expect.objectContaining({ language: 'de', id: 'autonomie-numerique' }) })]);
  });

  it('checks types: a list, a number, an object', () => {
    expect(problems([])).toEqual([{ code: 'type.object', path: '$' }]);
    expect(problems({ languages: 'fr', idleSeconds: '90', modes: [] })).toEqual([
      { code: 'type.array', path: '$.languages' },
      { code: 'type.number', path: '$.idleSeconds' },
      { code: 'array.empty', path: '$.modes' },
    ]);
  });

  it('locks the professional space after proIdleMinutes (10 by default, 1 to 240, fractions allowed)', () => {
    expect(DEFAULT_SETTINGS.proIdleMinutes).toBe(10);
    const ok = read({ proIdleMinutes: 2.5 });
    expect(ok.ok && ok.settings.proIdleMinutes).toBe(2.5);
    expect(problems({ proIdleMinutes: 0.5 })).toEqual([{ code: 'number.range', path: '$.proIdleMinutes' }]);
    expect(problems({ proIdleMinutes: 241 })).toEqual([{ code: 'number.range', path: '$.proIdleMinutes' }]);
    expect(problems({ proIdleMinutes: '10' })).toEqual([{ code: 'type.number', path: '$.proIdleMinutes' }]);
    expect(problems({ proIdleMinute: 10 })).toEqual([{ code: 'key.unknown', path: '$.proIdleMinute' }]);
  });

  it('has a message in French and in English for every problem code', () => {
    for (const code of PROBLEM_CODES) {
      expect(fr.validation.codes, code).toHaveProperty([code]);
      expect(en.validation.codes, code).toHaveProperty([code]);
    }
  });
});

describe('syncUrl (team sync, docs/couchdb.md)', () => {
  const read = (syncUrl: unknown) => readSettings(JSON.stringify({ syncUrl }), context);
  it('accepts a https address of a database, or http on this machine, without a trailing slash', () => {
    const ok = read('https://couchdb.example.org/equipe-ccas/');
    expect(ok.ok && ok.settings.syncUrl).toBe('https://couchdb.example.org/equipe-ccas');
    const local = read('http://127.0.0.1:5985/equipe-ccas');
    expect(local.ok && local.settings.syncUrl).toBe('http://127.0.0.1:5985/equipe-ccas');
    const none = readSettings('{}', context);
    expect(none.ok && none.settings.syncUrl).toBeUndefined();
  });
  it.each([
    ['http://couchdb.example.org/equipe', 'settings.url-https'],
    ['https://ccas:secret@couchdb.example.org/equipe', 'settings.url-credentials'],
    ['couchdb.example.org/equipe', 'settings.url-absolute'],
    ['https://couchdb.example.org/equipe?x=1', 'settings.url-extra'],
  ])('refuses %s with its reason (%s)', (syncUrl, code) => {
    const result = read(syncUrl);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ code, path: '$.syncUrl', params: { url: syncUrl } })]);
  });
});

describe('the territory observatory (observatoryUrl, observatoryId, territoryUrl; docs/couchdb.md)', () => {
  it('takes the depot and the territory database like syncUrl, and the name the kiosk sends', () => {
    const result = read({ structure: 'CCAS de Montreuil', observatoryUrl: 'https://couchdb.example.org/depot/territoire/', observatoryId: ' ccas-93048 ', territoryUrl: 'https://couchdb.example.org/territoire' });
    expect(result.ok && [result.settings.observatoryUrl, result.settings.observatoryId, result.settings.territoryUrl]).toEqual([
      'https://couchdb.example.org/depot/territoire',
      'ccas-93048',
      'https://couchdb.example.org/territoire',
    ]);
    const none = read({});
    expect(none.ok && [none.settings.observatoryUrl, none.settings.observatoryId, none.settings.territoryUrl]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses an address as for syncUrl, and a depot with no structure name to send', () => {
    expect(problems({ structure: 'A', observatoryUrl: 'http://couchdb.example.org/depot/territoire', territoryUrl: 'https://x:y@couchdb.example.org/territoire' })).toEqual([
      { code: 'settings.url-https', path: '$.observatoryUrl' },
      { code: 'settings.url-credentials', path: '$.territoryUrl' },
    ]);
    expect(problems({ observatoryUrl: 'https://couchdb.example.org/depot/territoire' })).toEqual([{ code: 'settings.observatory-name', path: '$' }]);
    expect(problems({ structure: 'A', observatoryId: 'x'.repeat(121), observatoryUrl: 'https://couchdb.example.org/depot/territoire' })).toEqual([{ code: 'settings.observatory-name', path: '$.observatoryId' }]);
  });
});
