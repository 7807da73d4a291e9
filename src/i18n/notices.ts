// The notices' strings: src/i18n/notices/<lang>.json, keys `ui.storage.…` (« vos réponses ne peuvent
// pas être gardées… », a full disk, a run that no longer fits…) and `ui.idle.…` (« Vous êtes toujours
// là ? »). A storage notice only ever follows an attempt to use storage, whose own chunk has come by
// then, and the idle warning comes with its own chunk: these strings come with import() with the first
// notice or the idle warning's chunk, never with the first question (0.4 KB gzipped of French less there).
import type { ResourceLanguage } from 'i18next';
import { lazyStrings, stringFilesByLanguage } from './index.ts';

const loaders = import.meta.glob<ResourceLanguage>('./notices/*.json', { import: 'default' });

/** Loads the notices of every language once (a few hundred bytes each); later calls wait for the same load. */
export const loadNoticeStrings = lazyStrings(stringFilesByLanguage(loaders));
