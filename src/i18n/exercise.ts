// The exercises' strings: src/i18n/exercise/<lang>.json, keys `ui.exercise.…` (all but "passer" and
// "continuer", which the question screen needs before they load). Loaded with import() with the
// exercise screens, never with the first question, and merged into the same i18next bundle.
import type { ResourceLanguage } from 'i18next';
import { lazyStrings, stringFilesByLanguage } from './index.ts';

const loaders = import.meta.glob<ResourceLanguage>('./exercise/*.json', { import: 'default' });

/** Loads the exercise strings of every language once (a few hundred bytes each); later calls wait for the same load. */
export const loadExerciseStrings = lazyStrings(stringFilesByLanguage(loaders));
