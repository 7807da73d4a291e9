// Reads a questionnaire folder's recordings (audio/<language>/<key>.<ext>) from disk and checks them
// with the core's checkAudio: used by `npm run validate` and by the build (Node only).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { AUDIO_FOLDER, checkAudio, treeHasText, type AudioListing, type AudioProblem } from '../src/core/audio.ts';
import fr from '../src/i18n/audio/fr.json' with { type: 'json' };
import en from '../src/i18n/audio/en.json' with { type: 'json' };
import { ROOT } from './questionnaire-files.ts';

const INTERFACE = join(ROOT, 'src', 'i18n', 'locales');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const readJson = (path: string): unknown => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);

/** The recordings of a questionnaire folder: the listing for index.json and the problems, for its languages. */
export function readAudio(folder: string, languages: readonly string[]): { listing: AudioListing; problems: AudioProblem[]; files: string[] } {
  const dir = join(folder, AUDIO_FOLDER);
  if (!existsSync(dir)) return { listing: {}, problems: [], files: [] };
  const paths = listFiles(dir);
  const files = paths.map((path) => ({ path: relative(folder, path).split('\\').join('/'), bytes: statSync(path).size }));
  const trees = new Map<string, unknown>();
  const tree = (path: string) => {
    if (!trees.has(path)) trees.set(path, readJson(path));
    return trees.get(path);
  };
  const hasText = (language: string, key: string) =>
    key.startsWith('ui.') ? treeHasText(tree(join(INTERFACE, `${language}.json`)), key) : treeHasText(tree(join(folder, 'locales', `${language}.json`)), key);
  const { listing, problems } = checkAudio(basename(folder), files, languages, hasText);
  return { listing, problems, files: paths };
}

/** One line a person can act on: the file, what is wrong, the fix. */
export function formatAudioProblem(problem: AudioProblem, language: 'fr' | 'en' = 'fr'): string {
  const messages = (language === 'en' ? en : fr).audio as Record<string, string>;
  const text = (messages[problem.code.replace(/^audio\./, '')] ?? problem.code).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(problem.params[name] ?? ''));
  return `${problem.file} : ${text}`;
}
