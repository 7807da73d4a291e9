import { serverUrl, serverUrlProblem } from './server-url.ts';
import { signature, type KioskTally } from './tally.ts';
import type { AreaLevel } from './types.ts';

// The territory observatory, the kiosk's side: what a kiosk sends of its weekly tallies to the
// territory's write-only CouchDB database (docs/couchdb.md), and when. Pure: the kiosk's module
// (src/ui/territory-push.ts) reads and writes the books and does the requests.
//
// What is sent: one new document per week and per sending, holding what the week's book gained
// since the last sending acknowledged by the server (a count may be negative: a run that went
// back from its result and ended otherwise takes its first tally back). Only the structure's
// name (or the id settings.json gives), the ISO week, and per questionnaire the profile, each
// area's level, the context flags and a count: never an answer, a code, a time, a device or an
// order of arrival. A document is never changed: the database accepts new ones only.
//
// When: at each counted result and at each start, (1) again what the server has not acknowledged
// (the same document, same id: a copy the server already holds is answered 409 and taken as
// received), (2) the weeks that are over, whatever their count, and (3) the current week once at
// least PUSH_BATCH runs of it wait: a sending never reveals one person's result at the time it
// ends (the server sees when a request comes). Nothing here blocks the kiosk or tells the person.

export const TERRITORY_DOC_TYPE = 'reperes-tally';
export const TERRITORY_DOC_VERSION = 1;
/** The current week goes once this many runs of it (counted in absolute value) wait. */
export const PUSH_BATCH = 5;
/** The longest structure name or id a document may carry. */
export const STRUCTURE_MAX = 120;

/** A line of a sent document: a tally without its week (the document's), its count signed. */
export interface TerritoryTally {
  questionnaireId: string;
  profile: string;
  areas: Record<string, AreaLevel | null>;
  flags: string[];
  count: number;
}

/** What the kiosk puts in the territory database, as the design document checks it. */
export interface TerritoryDoc {
  _id: string;
  type: typeof TERRITORY_DOC_TYPE;
  version: typeof TERRITORY_DOC_VERSION;
  structure: string;
  week: string;
  tallies: TerritoryTally[];
}

/** Where a kiosk sends its tallies, and under which name. */
export interface ObservatoryTarget {
  url: string;
  structure: string;
}

/**
 * The target settings.json names (`observatoryUrl`, with `observatoryId` or else `structure`), or
 * undefined when the kiosk sends nothing. The file is the one the app started with (checked by the
 * build or at start): this only reads it again, and sends nothing when an address is not sound.
 */
export function observatoryTarget(file: unknown): ObservatoryTarget | undefined {
  if (!file || typeof file !== 'object') return undefined;
  const { observatoryUrl, observatoryId, structure } = file as Record<string, unknown>;
  if (typeof observatoryUrl !== 'string' || serverUrlProblem(observatoryUrl)) return undefined;
  const name = [observatoryId, structure].find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();
  if (!name || name.length > STRUCTURE_MAX) return undefined;
  return { url: serverUrl(observatoryUrl), structure: name };
}

/** Where one week stands with the server: what it acknowledged, and the document on its way, if any. */
export interface WeekPush {
  sent: KioskTally[];
  outbox?: TerritoryDoc | undefined;
}

export const EMPTY_WEEK_PUSH: WeekPush = { sent: [] };

const isTally = (t: unknown): t is KioskTally =>
  !!t && typeof t === 'object' && typeof (t as KioskTally).week === 'string' && typeof (t as KioskTally).questionnaireId === 'string' && Number.isInteger((t as KioskTally).count);

/** A stored week's state, checked: what cannot be read counts as nothing sent yet. */
export function readWeekPush(raw: unknown): WeekPush {
  if (!raw || typeof raw !== 'object') return EMPTY_WEEK_PUSH;
  const { sent, outbox } = raw as { sent?: unknown; outbox?: unknown };
  const tallies = Array.isArray(sent) ? sent.filter(isTally) : [];
  const doc = outbox && typeof outbox === 'object' && typeof (outbox as TerritoryDoc)._id === 'string' && Array.isArray((outbox as TerritoryDoc).tallies) ? (outbox as TerritoryDoc) : undefined;
  return doc ? { sent: tallies, outbox: doc } : { sent: tallies };
}

const line = ({ questionnaireId, profile, areas, flags, count }: KioskTally): TerritoryTally => ({ questionnaireId, profile, areas, flags: [...flags].sort(), count });

/** What the week's tallies gained since `sent`: one line per tally whose count changed, signed. */
export function tallyDelta(current: readonly KioskTally[], sent: readonly KioskTally[]): TerritoryTally[] {
  const counts = new Map<string, { tally: KioskTally; count: number }>();
  for (const t of current) {
    const key = signature(t);
    counts.set(key, { tally: t, count: (counts.get(key)?.count ?? 0) + t.count });
  }
  for (const t of sent) {
    const key = signature(t);
    counts.set(key, { tally: counts.get(key)?.tally ?? t, count: (counts.get(key)?.count ?? 0) - t.count });
  }
  return [...counts.values()].filter(({ count }) => count !== 0).map(({ tally, count }) => line({ ...tally, count }));
}

/** Runs a delta moves (a run taken back counts as one). */
export const waiting = (delta: readonly TerritoryTally[]): number => delta.reduce((sum, t) => sum + Math.abs(t.count), 0);

/**
 * The document to send for one week now, or undefined: the one on its way (sent again as it is),
 * else what the week gained, when the week is over or PUSH_BATCH runs of it wait.
 */
export function nextDoc(week: string, current: readonly KioskTally[], state: WeekPush, thisWeek: string, structure: string, newId: () => string): TerritoryDoc | undefined {
  if (state.outbox) return state.outbox;
  const delta = tallyDelta(
    current.filter((t) => t.week === week),
    state.sent,
  );
  if (delta.length === 0 || (week >= thisWeek && waiting(delta) < PUSH_BATCH)) return undefined;
  return { _id: newId(), type: TERRITORY_DOC_TYPE, version: TERRITORY_DOC_VERSION, structure, week, tallies: delta };
}

/** The week once the server holds the document: its lines added to what was sent, nothing on its way. */
export function acknowledged(state: WeekPush, doc: TerritoryDoc): WeekPush {
  const sent = new Map(state.sent.map((t) => [signature(t), { ...t }]));
  for (const t of doc.tallies) {
    const tally: KioskTally = { ...t, week: doc.week };
    const key = signature(tally);
    const count = (sent.get(key)?.count ?? 0) + t.count;
    if (count === 0) sent.delete(key);
    else sent.set(key, { ...tally, count });
  }
  return { sent: [...sent.values()] };
}

/** A week the server holds whole and that will not change any more: no need to look at it again. */
export function weekDone(week: string, current: readonly KioskTally[], state: WeekPush, thisWeek: string): boolean {
  return week < thisWeek && !state.outbox && tallyDelta(current.filter((t) => t.week === week), state.sent).length === 0;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Random bytes an id is drawn from (crypto.getRandomValues in the browser). */
export const TALLY_ID_BYTES = 24;

/** A document id: "tally-" and 24 characters from random bytes (nothing about the device or the time). */
export function tallyDocId(random: Uint8Array): string {
  return `tally-${Array.from(random.slice(0, TALLY_ID_BYTES), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')}`;
}

/** Where a kiosk notes how its sendings go (settings store), for the observatory section. */
export const PUSH_STATUS_SETTING = 'observatory.push.status';

/** What the observatory section shows the structure about this kiosk's sendings (never the person at the kiosk). */
export interface PushStatus {
  /** The day of the last document the server acknowledged, "YYYY-MM-DD". */
  lastSent?: string | undefined;
  /** What stopped the last push, if anything did. */
  problem?: 'storage' | 'offline' | 'server' | 'refused' | undefined;
}

export function readPushStatus(raw: unknown): PushStatus {
  if (!raw || typeof raw !== 'object') return {};
  const { lastSent, problem } = raw as Record<string, unknown>;
  return {
    ...(typeof lastSent === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(lastSent) ? { lastSent } : {}),
    ...(problem === 'storage' || problem === 'offline' || problem === 'server' || problem === 'refused' ? { problem } : {}),
  };
}
