import { readTallyBook, readTallyWeeks, isoWeek, tallyWeekSetting, TALLY_SETTING, TALLY_WEEKS_SETTING, type KioskTally } from '../core/tally.ts';
import {
  acknowledged,
  nextDoc,
  observatoryTarget,
  PUSH_STATUS_SETTING,
  readPushStatus,
  readWeekPush,
  tallyDocId,
  TALLY_ID_BYTES,
  weekDone,
  type ObservatoryTarget,
  type PushStatus,
  type TerritoryDoc,
  type WeekPush,
} from '../core/territory-push.ts';
import type { OpenedStorage, SessionStore, SettingValue } from '../storage/index.ts';
import { appSettings } from './questionnaire-loader.ts';

// The kiosk's tallies sent to the territory observatory (src/core/territory-push.ts says what and
// when), on a kiosk whose settings.json names `observatoryUrl`: with plain fetch (no PouchDB in any
// kiosk bundle: scripts/check-budgets.ts proves it), loaded with import() after a result is counted
// (kiosk-tally.ts) and once the start screen is idle (main.tsx). It never blocks the kiosk and never
// tells the person: a sending that fails leaves everything as it was, and goes again at the next
// result, the next start, or when the network comes back.
//
// What it keeps (settings store, in clear, not about a person; the kiosk wipe leaves it):
// `observatory.push.<week>`: what the server acknowledged of the week, and the document on its way
// (sent again as it is, same id, until the server answers); `observatory.push.done`: weeks over
// and wholly sent, never looked at again; `observatory.push.status`: the day of the last sending
// the server acknowledged and what stopped the last push, shown to the structure in the observatory.

export const PUSH_SETTING = 'observatory.push';
export const PUSH_DONE_SETTING = 'observatory.push.done';
const weekKey = (week: string) => `${PUSH_SETTING}.${week}`;

/** How one sending went: 'stored' (201, 202, or 409: the server holds it already), or why not. */
export type SendResult = 'stored' | 'offline' | 'server' | 'refused';

export interface PushReport {
  /** Documents the server acknowledged in this push. */
  sent: number;
  /** What stopped it: no target in settings.json, storage, no answer, a failing server, a refusal. */
  problem?: 'off' | 'storage' | Exclude<SendResult, 'stored'> | undefined;
}

export interface PushOptions {
  store: SessionStore;
  /** The settings the kiosk runs with (settings.json as the start screen read it). */
  settings?: () => Promise<unknown>;
  fetch?: typeof fetch;
  /** Today's local calendar date, "YYYY-MM-DD". */
  today?: () => string;
  random?: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;
}

const TIMEOUT_MS = 15_000;

function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The settings the app started with (read once by the start screen; never fetched again here). */
const readSettingsFile = (): Promise<unknown> => appSettings;

/** One document to the depot: PUT, no account, no cookie; a copy the server has already is answered 409. */
export async function sendDoc(url: string, doc: TerritoryDoc, fetcher: typeof fetch = fetch): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetcher(`${url}/${encodeURIComponent(doc._id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(doc),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return 'offline';
  }
  if (response.status === 201 || response.status === 202 || response.status === 409) return 'stored';
  if (response.status >= 500 || response.status === 408 || response.status === 429) return 'server';
  return 'refused';
}

/** Every tally of a week: its book's, and those of the single book of earlier versions. */
function weekTallies(week: string, books: Map<string, KioskTally[]>, legacy: KioskTally[]): KioskTally[] {
  return [...legacy.filter((t) => t.week === week), ...(books.get(week) ?? [])];
}

/** Sends what the server has not acknowledged yet (see territory-push.ts): never rejects. */
export async function pushTallies({ store, settings = readSettingsFile, fetch: fetcher = fetch, today = localDate, random = (b) => crypto.getRandomValues(b) }: PushOptions): Promise<PushReport> {
  let target: ObservatoryTarget | undefined;
  try {
    target = observatoryTarget(await settings());
  } catch {
    target = undefined;
  }
  if (!target) return { sent: 0, problem: 'off' };
  let report: PushReport;
  try {
    report = await pushTo(target, store, fetcher, isoWeek(today()), () => tallyDocId(random(new Uint8Array(TALLY_ID_BYTES))));
  } catch {
    report = { sent: 0, problem: 'storage' };
  }
  await noteStatus(store, report, today()).catch(() => undefined);
  return report;
}

async function noteStatus(store: SessionStore, report: PushReport, day: string): Promise<void> {
  const before = readPushStatus(await store.getSetting(PUSH_STATUS_SETTING));
  const problem = report.problem === 'off' ? undefined : report.problem;
  const next: PushStatus = { ...(report.sent > 0 ? { lastSent: day } : before.lastSent ? { lastSent: before.lastSent } : {}), ...(problem ? { problem } : {}) };
  if (JSON.stringify(next) !== JSON.stringify(before)) await store.setSetting(PUSH_STATUS_SETTING, next as unknown as SettingValue);
}

async function pushTo(target: ObservatoryTarget, store: SessionStore, fetcher: typeof fetch, thisWeek: string, newId: () => string): Promise<PushReport> {
  const [listed, legacyRaw, doneRaw] = await Promise.all([store.getSetting(TALLY_WEEKS_SETTING), store.getSetting(TALLY_SETTING), store.getSetting(PUSH_DONE_SETTING)]);
  const done = new Set(readTallyWeeks(doneRaw));
  const legacy = readTallyBook(legacyRaw).tallies;
  const weeks = [...new Set([...readTallyWeeks(listed), ...legacy.map((t) => t.week)])].filter((w) => !done.has(w)).sort();
  const books = new Map<string, KioskTally[]>();
  await Promise.all(weeks.map(async (week) => books.set(week, readTallyBook(await store.getSetting(tallyWeekSetting(week))).tallies.filter((t) => t.week === week))));
  let sent = 0;
  const finished: string[] = [];
  let problem: PushReport['problem'];
  for (const week of weeks) {
    const current = weekTallies(week, books, legacy);
    // A week gains at most one document per round; a second round sends what came while the first was on its way.
    for (let round = 0; round < 3; round++) {
      const state: WeekPush = readWeekPush(await store.getSetting(weekKey(week)));
      const doc = nextDoc(week, current, state, thisWeek, target.structure, newId);
      if (!doc) {
        if (weekDone(week, current, state, thisWeek)) finished.push(week);
        break;
      }
      const waiting: WeekPush = { ...state, outbox: doc };
      // The document is kept before it goes: sent again as it is, it is never counted twice.
      if (!state.outbox && !(await store.setSetting(weekKey(week), waiting as unknown as SettingValue)).ok) return { sent, problem: 'storage' };
      const result = await sendDoc(target.url, doc, fetcher);
      if (result !== 'stored') {
        problem = result;
        break;
      }
      if (!(await store.setSetting(weekKey(week), acknowledged(waiting, doc) as unknown as SettingValue)).ok) return { sent, problem: 'storage' };
      sent++;
    }
    // No answer or a failing server: the other weeks would fare no better.
    if (problem === 'offline' || problem === 'server') break;
  }
  if (finished.length) await store.setSetting(PUSH_DONE_SETTING, [...done, ...finished].sort());
  return problem ? { sent, problem } : { sent };
}

// One push at a time on a page: a result counted while one is on its way asks for another after it.
let running: Promise<PushReport> | undefined;
let again = false;
let listening = false;

/** Pushes now, or once the push on its way is over; listens for the network's return once loaded. */
export function schedulePush(options: PushOptions): Promise<PushReport> {
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('online', () => void schedulePush(options));
  }
  if (running) {
    again = true;
    return running;
  }
  const run = async (): Promise<PushReport> => {
    let report = await pushTallies(options);
    while (again) {
      again = false;
      report = await pushTallies(options);
    }
    return report;
  };
  running = run().finally(() => {
    running = undefined;
  });
  return running;
}

/** At start, once idle and the settings read: opens storage only on a kiosk whose settings.json names a target. */
export async function pushAtStart(open: () => Promise<OpenedStorage>, settings: () => Promise<unknown> = readSettingsFile): Promise<PushReport> {
  let file: unknown;
  try {
    file = await settings();
  } catch {
    return { sent: 0, problem: 'off' };
  }
  if (!observatoryTarget(file)) return { sent: 0, problem: 'off' };
  let store: SessionStore;
  try {
    ({ store } = await open());
  } catch {
    return { sent: 0, problem: 'storage' };
  }
  return schedulePush({ store, settings: async () => file });
}
