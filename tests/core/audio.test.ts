// The recordings a questionnaire ships: where they go, what they read, and what the validator says.
import { mkdirSync, mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAudio, MAX_AUDIO_BYTES, treeHasText } from '../../src/core/audio.ts';
import { formatAudioProblem, readAudio } from '../../scripts/audio-files.ts';
import { QUESTIONNAIRES_DIR } from '../../scripts/questionnaire-files.ts';

const tree = { questions: { equipement: { text: 'Quels appareils ?', options: { aucun: 'Aucun' } } } };
const hasText = (language: string, key: string) => language === 'fr' && treeHasText(tree, key);

describe('checkAudio', () => {
  it('lists sound recordings by language and names each problem with its file', () => {
    const { listing, problems } = checkAudio(
      'q',
      [
        { path: 'audio/fr/questions.equipement.text.mp3', bytes: 20_000 },
        { path: 'audio/fr/questions.equipement.options.aucun.ogg', bytes: 5_000 },
        { path: 'audio/fr/questions.equipement.options.rien.mp3', bytes: 5_000 },
        { path: 'audio/de/questions.equipement.text.mp3', bytes: 5_000 },
        { path: 'audio/fr/questions.equipement.text.flac', bytes: 5_000 },
        { path: 'audio/questions.equipement.text.mp3', bytes: 5_000 },
        { path: 'audio/fr/questions.equipement.text.wav', bytes: MAX_AUDIO_BYTES + 1 },
      ],
      ['fr', 'en'],
      hasText,
    );
    expect(listing).toEqual({ fr: ['questions.equipement.options.aucun.ogg', 'questions.equipement.text.mp3'] });
    expect(problems.map((p) => [p.code, p.file])).toEqual([
      ['audio.language', 'q/audio/de/questions.equipement.text.mp3'],
      ['audio.key', 'q/audio/fr/questions.equipement.options.rien.mp3'],
      ['audio.extension', 'q/audio/fr/questions.equipement.text.flac'],
      ['audio.size', 'q/audio/fr/questions.equipement.text.wav'],
      ['audio.place', 'q/audio/questions.equipement.text.mp3'],
    ]);
  });

  it('reads a folder from disk, interface texts included, with messages that say the fix', () => {
    const root = mkdtempSync(join(tmpdir(), 'reperes-audio-'));
    const folder = join(root, 'exemple');
    cpSync(join(QUESTIONNAIRES_DIR, 'exemple'), folder, { recursive: true });
    mkdirSync(join(folder, 'audio', 'fr'), { recursive: true });
    writeFileSync(join(folder, 'audio', 'fr', 'ui.start.what.mp3'), Buffer.alloc(100));
    writeFileSync(join(folder, 'audio', 'fr', 'ui.nothing.here.mp3'), Buffer.alloc(100));
    const { listing, problems } = readAudio(folder, ['fr', 'en']);
    expect(listing).toEqual({ fr: ['ui.start.what.mp3'] });
    expect(problems.map((p) => formatAudioProblem(p))).toEqual([
      'exemple/audio/fr/ui.nothing.here.mp3 : aucun texte « ui.nothing.here » en fr. Le nom du fichier doit être la clé du texte lu, par exemple questions.equipement.text.mp3 ou ui.start.what.mp3 ; corrigez le nom.',
    ]);
  });

  it('finds nothing to check in a questionnaire without recordings', () => {
    expect(readAudio(join(QUESTIONNAIRES_DIR, 'autonomie-numerique'), ['fr'])).toEqual({ listing: {}, problems: [], files: [] });
  });
});
