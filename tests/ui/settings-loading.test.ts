import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchSettings, MissingFile, type QuestionnaireEntry } from '../../src/ui/questionnaire-loader.ts';

const index: QuestionnaireEntry[] = [
  { id: 'exemple', version: '1', languages: ['fr', 'en'], defaultLanguage: 'fr', contentHash: 'a', pictograms: [] },
  { id: 'autonomie-numerique', version: '1', languages: ['fr', 'en'], defaultLanguage: 'fr', contentHash: 'b', pictograms: [] },
];
const structureFile = JSON.stringify({ structure: 'CCAS de Lille', defaultQuestionnaire: 'autonomie-numerique' });

describe('reading settings.json at start', () => {
  it('asks for the fresh copy first, so an edit on the server is seen without rebuilding', async () => {
    const asked: string[] = [];
    const load = await fetchSettings(async (url) => (asked.push(url), structureFile), index);
    expect(asked).toEqual(['./settings.json?fresh=1']);
    expect(load.ok && load.settings.structure).toBe('CCAS de Lille');
  });

  it('offline, before the fresh copy was ever cached, reads the copy precached with the app', async () => {
    const load = await fetchSettings(async (url) => {
      if (url.includes('fresh')) throw new MissingFile(url, 0);
      return structureFile;
    }, index);
    expect(load).toMatchObject({ ok: true, missing: false, settings: { structure: 'CCAS de Lille', defaultQuestionnaire: 'autonomie-numerique' } });
  });

  it('without any settings file, uses the defaults and says so', async () => {
    const load = await fetchSettings(async (url) => {
      throw new MissingFile(url, 404);
    }, index);
    expect(load).toMatchObject({ ok: true, missing: true });
  });
});

describe('settings.json as the build checked it', () => {
  afterEach(() => vi.unstubAllEnvs());
  // A key the checker refuses: only a file that skipped the check comes through with it.
  const built = JSON.stringify({ structure: 'CCAS de Lille', defaultQuestionnaire: 'autonomie-numerique', theme: 'dark' });

  it('is parsed, not checked again (the checker is not even loaded)', async () => {
    vi.stubEnv('REPERES_SETTINGS_SHA256', createHash('sha256').update(built).digest('hex'));
    const load = await fetchSettings(async () => built, index);
    expect(load).toMatchObject({ ok: true, settings: { structure: 'CCAS de Lille', languages: ['fr', 'en'] } });
  });

  it('is checked in full once edited on the server, with the messages naming the key', async () => {
    vi.stubEnv('REPERES_SETTINGS_SHA256', createHash('sha256').update(built).digest('hex'));
    const edited = built.replace('CCAS de Lille', 'CCAS de Roubaix');
    const load = await fetchSettings(async () => edited, index);
    expect(load).toMatchObject({ ok: false, problems: [{ code: 'key.unknown', path: '$.theme', file: 'settings.json' }] });
  });
});
