import { addTally, readTallyBook, removeTally, tallyOf, TALLY_SETTING, type KioskTally } from '../core/tally.ts';
import type { SessionStore, SettingValue } from '../storage/index.ts';
import type { SessionFinished } from './session-events.ts';

// Counting a finished kiosk run for the observatory: loaded with import() by session-persistence.ts
// when a kiosk result shows, so none of it weighs on the first question.

/** What the persistence remembers between results of one kiosk run. */
export interface TallyState {
  /** The tally this run added, taken back if the run goes back from its result and ends again. */
  counted?: KioskTally | undefined;
  /** The result was resumed after a reload: it was counted when it first showed. */
  resumed: boolean;
}

function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Adds the run's tally to the book under TALLY_SETTING (replacing the one it added before, if any). */
export async function countKioskRun(store: SessionStore, session: SessionFinished, state: TallyState, today: () => string = localDate): Promise<void> {
  const next = tallyOf(session.questionnaireId, session.outcome, today());
  if (state.resumed) {
    state.resumed = false;
    state.counted = next;
    return;
  }
  let book = readTallyBook(await store.getSetting(TALLY_SETTING));
  if (state.counted) book = removeTally(book, state.counted);
  book = addTally(book, next);
  const result = await store.setSetting(TALLY_SETTING, book as unknown as SettingValue);
  state.counted = result.ok ? next : undefined;
}
