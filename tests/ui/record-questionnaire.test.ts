// Which files a professional record opens with, read through the browser's loader from what the
// build's questionnaire step writes: the version it was made with, never the device's in its place.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRES_DIR } from '../../scripts/questionnaire-files.ts';
import { buildIndex, shippedFiles } from '../../scripts/vite-questionnaires.ts';
import { fetchQuestionnaire, MissingFile, type FetchText, type QuestionnaireEntry } from '../../src/ui/questionnaire-loader.ts';
import { questionnaireOfRecord } from '../../src/ui/pro/record-questionnaire.ts';

/** The sample at 2.0.0 (« sms-banque » renamed « sms-arnaque »), 1.0.0 kept under versions/, as the build ships them. */
function built(): { fetcher: FetchText; index: QuestionnaireEntry[] } {
  const source = mkdtempSync(join(tmpdir(), 'reperes-record-q-'));
  const a = join(source, 'exemple');
  cpSync(join(QUESTIONNAIRES_DIR, 'exemple'), a, { recursive: true });
  const archive = join(a, 'versions', '1.0.0');
  mkdirSync(archive, { recursive: true });
  cpSync(join(a, 'questionnaire.json'), join(archive, 'questionnaire.json'));
  cpSync(join(a, 'locales'), join(archive, 'locales'), { recursive: true });
  writeFileSync(join(a, 'questionnaire.json'), readFileSync(join(a, 'questionnaire.json'), 'utf8').replaceAll('"sms-banque"', '"sms-arnaque"').replace('"version": "1.0.0"', '"version": "2.0.0"'));
  for (const file of readdirSync(join(a, 'locales'))) {
    const path = join(a, 'locales', file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('"sms-banque"', '"sms-arnaque"').replace('Envoyer un courriel :', 'Écrire un courriel à un organisme :'));
  }
  const { index, errors } = buildIndex(source);
  expect(errors).toEqual([]);
  const files = new Map(shippedFiles(index, source).map((f) => [f.fileName, f.source.toString()]));
  const fetcher: FetchText = async (url) => {
    const path = url.replace(/^\.\//, '').split('?')[0]!;
    const text = files.get(path);
    if (text === undefined) throw new MissingFile(url, 404);
    return text;
  };
  return { fetcher, index: index as QuestionnaireEntry[] };
}

describe('questionnaireOfRecord', () => {
  const { fetcher, index } = built();
  const entry = index.find((e) => e.id === 'exemple')!;

  it('opens a record of a kept older version with that version’s files, found by its number or by its content hash', async () => {
    const device = await fetchQuestionnaire(fetcher, entry, 'fr');
    if (!device.ok) throw new Error('the current version does not load');
    expect(device.loaded.questionnaire.version).toBe('2.0.0');
    const frHashOfV1 = entry.versions![0]!.checked!.contentHashes.fr!;
    for (const ref of [
      { questionnaireId: 'exemple', questionnaireVersion: '1.0.0', contentHash: frHashOfV1 },
      { questionnaireId: 'exemple', contentHash: frHashOfV1 },
    ]) {
      const made = await questionnaireOfRecord(ref, device.loaded, 'fr', fetcher);
      expect(made.resolution).toMatchObject({ status: 'archived', version: '1.0.0', sameContent: true });
      expect(made.loaded?.questionnaire.version).toBe('1.0.0');
      expect(made.loaded?.questionnaire.questions.map((q) => q.id)).toContain('sms-banque');
      expect((made.loaded?.locales.fr?.questions as Record<string, { text: string }>).courriel?.text).toBe('Envoyer un courriel :');
    }
  });

  it('reuses the device’s questionnaire for a record of the current version, and gives no files for a questionnaire the build lacks', async () => {
    const device = await fetchQuestionnaire(fetcher, entry, 'fr');
    if (!device.ok) throw new Error('the current version does not load');
    const current = await questionnaireOfRecord({ questionnaireId: 'exemple', questionnaireVersion: '2.0.0', contentHash: device.loaded.contentHash }, device.loaded, 'fr', fetcher);
    expect(current.resolution).toMatchObject({ status: 'current', sameContent: true });
    expect(current.loaded).toBe(device.loaded);
    const gone = await questionnaireOfRecord({ questionnaireId: 'ancien', questionnaireVersion: '3', contentHash: 'x' }, device.loaded, 'fr', fetcher);
    expect(gone).toMatchObject({ resolution: { status: 'no-questionnaire', version: '3' }, loaded: undefined });
  });
});
