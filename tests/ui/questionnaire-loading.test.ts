// The browser's loader: files unchanged since the build (same fingerprints as the build wrote in
// questionnaires/index.json) are only parsed; an edited file gets the full check and its messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fetchQuestionnaire } from '../../src/ui/questionnaire-loader.ts';
import { QUESTIONNAIRES_DIR } from '../../scripts/questionnaire-files.ts';
import { diskFetcher, indexEntry } from './kiosk-harness.tsx';

/** The build's index entry, its French content hash replaced by a mark that only the fast path can return. */
function markedEntry() {
  const entry = indexEntry('autonomie-numerique');
  if (!entry.checked) throw new Error('the index entry says nothing of what the build checked');
  return { ...entry, checked: { ...entry.checked, contentHashes: { ...entry.checked.contentHashes, fr: 'as-the-build-checked-it' } } };
}

describe('loading a questionnaire in the browser', () => {
  it('parses files exactly as the build checked them, without checking them again', async () => {
    const load = await fetchQuestionnaire(diskFetcher(), markedEntry(), 'fr');
    expect(load.ok && load.loaded.contentHash).toBe('as-the-build-checked-it');
    expect(load.ok && load.loaded.questionnaire.id).toBe('autonomie-numerique');
  });

  it('checks a file edited after the build in full, and reports its problem with the file and the JSON path', async () => {
    const url = './questionnaires/autonomie-numerique/questionnaire.json';
    const text = readFileSync(join(QUESTIONNAIRES_DIR, 'autonomie-numerique', 'questionnaire.json'), 'utf8');
    const broken = text.replace('"start": "equipement"', '"start": "equipemen"');
    expect(broken).not.toBe(text);
    const load = await fetchQuestionnaire(diskFetcher({ overrides: { [url]: broken } }), markedEntry(), 'fr');
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.problems).toContainEqual(expect.objectContaining({ file: 'autonomie-numerique/questionnaire.json', path: '$.start', severity: 'error' }));
    // A harmless edit loads too, by the full check (so not with the build's mark).
    const edited = await fetchQuestionnaire(diskFetcher({ overrides: { [url]: `${text}\n` } }), markedEntry(), 'fr');
    expect(edited.ok && edited.loaded.contentHash).not.toBe('as-the-build-checked-it');
    expect(edited.ok).toBe(true);
  });

  it('checks the files in full where WebCrypto is missing (a page served without HTTPS), and still loads them', async () => {
    vi.stubGlobal('crypto', {});
    try {
      const load = await fetchQuestionnaire(diskFetcher(), markedEntry(), 'fr');
      expect(load.ok).toBe(true);
      expect(load.ok && load.loaded.contentHash).not.toBe('as-the-build-checked-it');
      expect(load.ok && load.loaded.questionnaire.id).toBe('autonomie-numerique');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
