import type { AudioIndexEntry } from '../core/audio.ts';

// The recordings questionnaires ship (listed by the build in questionnaires/index.json), found by
// language and text key: read aloud before the browser's speech synthesis. Filled when the index is
// read (fetchIndex); the questionnaire fetched last (fetchQuestionnaire) is the one whose recordings
// read the screens.

const listings = new Map<string, Map<string, Set<string>>>();
let active: string | undefined;
let base = './questionnaires';

/** Remembers the recordings of the questionnaires of the index, found under `folder`. */
export function rememberAudio(entries: readonly ({ id: string } & AudioIndexEntry)[], folder: string): void {
  base = folder;
  for (const entry of entries) {
    if (!entry.audio || typeof entry.audio !== 'object') continue;
    const byLanguage = new Map<string, Set<string>>();
    for (const [language, files] of Object.entries(entry.audio)) if (Array.isArray(files)) byLanguage.set(language, new Set(files.filter((f) => typeof f === 'string')));
    listings.set(entry.id, byLanguage);
  }
}

/** The questionnaire whose recordings read the screens. */
export function setAudioQuestionnaire(id: string): void {
  active = id;
}

/** The URL of the recording of `key` in `language`, if the questionnaire ships one. */
export function recordedAudio(language: string, key: string, questionnaire = active): string | undefined {
  if (!questionnaire) return undefined;
  const files = listings.get(questionnaire)?.get(language);
  if (!files) return undefined;
  for (const file of files) if (file.slice(0, file.lastIndexOf('.')) === key) return `${base}/${questionnaire}/audio/${language}/${file}`;
  return undefined;
}
