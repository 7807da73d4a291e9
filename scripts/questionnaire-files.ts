// Reads questionnaire folders from disk into the plain sources the core validates (Node only).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { QuestionnaireSource } from '../src/core/index.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const QUESTIONNAIRES_DIR = join(ROOT, 'questionnaires');

/** The questionnaire folders under questionnaires/ (each holds a questionnaire.json). */
export function questionnaireFolders(dir = QUESTIONNAIRES_DIR): string[] {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory() && existsSync(join(path, 'questionnaire.json')))
    .sort();
}

/** One folder's files as text; file names are given relative to the repository root. */
/** A file's fingerprint as index.json records it: SHA-256 of its UTF-8 text, hex (the browser computes the same with WebCrypto). */
export const fileFingerprint = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function readQuestionnaireFolder(folder: string): QuestionnaireSource {
  const name = (p: string) => relative(ROOT, p).split('\\').join('/');
  const structurePath = join(folder, 'questionnaire.json');
  const localesDir = join(folder, 'locales');
  const picturesDir = join(folder, 'pictograms');
  const locales = existsSync(localesDir)
    ? readdirSync(localesDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => ({ file: name(join(localesDir, f)), language: basename(f, '.json'), text: readFileSync(join(localesDir, f), 'utf8') }))
    : [];
  const pictograms = existsSync(picturesDir)
    ? readdirSync(picturesDir)
        .filter((f) => f.endsWith('.svg'))
        .map((f) => basename(f, '.svg'))
    : [];
  return {
    folder: basename(folder),
    structure: { file: name(structurePath), text: existsSync(structurePath) ? readFileSync(structurePath, 'utf8') : '' },
    locales,
    pictograms,
  };
}
