import { describe, expect, it } from 'vitest';
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
