import { addTally, readTallyBook, readTallyWeeks, removeTally, tallyOf, tallyWeekSetting, TALLY_WEEKS_SETTING, type KioskTally } from '../core/tally.ts';
import type { SessionStore, SettingValue } from '../storage/index.ts';
import type { SessionFinished } from './session-events.ts';

// Counting a finished kiosk run for the observatory: loaded with import() by session-persistence.ts
// when a kiosk result shows, so none of it weighs on the first question. Only the book of the run's
// week is read and written (see src/core/tally.ts), whatever the number of tallies kept. Once
// counted, the territory observatory's push (territory-push.ts, with import(): it does nothing on
// a kiosk whose settings.json names no `observatoryUrl`) sends what waits, without being awaited.

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

/** One week's book, changed and written back; false when the write failed. */
async function changeWeek(store: SessionStore, week: string, change: (book: ReturnType<typeof readTallyBook>) => ReturnType<typeof readTallyBook>): Promise<boolean> {
  const key = tallyWeekSetting(week);
  const book = change(readTallyBook(await store.getSetting(key)));
  return (await store.setSetting(key, book as unknown as SettingValue)).ok;
}

/** Sends the tallies to the territory observatory, if settings.json names it; never awaited, never failing. */
export function pushLater(store: SessionStore): void {
  void import('./territory-push.ts').then((push) => push.schedulePush({ store })).catch(() => undefined);
}

/** Adds the run's tally to its week's book (replacing the one it added before, if any), then pushes. */
export async function countKioskRun(store: SessionStore, session: SessionFinished, state: TallyState, today: () => string = localDate, push: (store: SessionStore) => void = pushLater): Promise<void> {
  await count(store, session, state, today);
  push(store);
}

async function count(store: SessionStore, session: SessionFinished, state: TallyState, today: () => string): Promise<void> {
  const next = tallyOf(session.questionnaireId, session.outcome, today(), session.questionnaireVersion);
  if (state.resumed) {
    state.resumed = false;
    state.counted = next;
    return;
  }
  const previous = state.counted;
  // The week is listed before its book is written: a week listed without a book reads as empty,
  // whereas a book never listed would never be read.
  const weeks = readTallyWeeks(await store.getSetting(TALLY_WEEKS_SETTING));
  if (!weeks.includes(next.week) && !(await store.setSetting(TALLY_WEEKS_SETTING, [...weeks, next.week].sort())).ok) return;
  // What stays counted for this run is whatever the books hold once the writes are done.
  if (previous && previous.week !== next.week) {
    if (await changeWeek(store, previous.week, (book) => removeTally(book, previous))) state.counted = undefined;
  }
  const replaces = previous !== undefined && previous.week === next.week;
  if (await changeWeek(store, next.week, (book) => addTally(replaces ? removeTally(book, previous) : book, next))) state.counted = next;
}
