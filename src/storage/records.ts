// Rules both stores share, so the memory twin cannot drift from IndexedDB: how a stored value is
// judged, which store a record belongs in, how lists are filtered and ordered, how errors are named.
import type { RecordCheck } from '../core/read-session-record.ts';
import { CURRENT_RECORD_VERSION, type SessionRecord } from '../core/session-record.ts';
import type { NoticeListener, RecordFilter, RecordStoreName, StorageNotice, WriteFailureCode, WriteResult } from './session-store.ts';

export type Judged =
  | { kind: 'ok'; record: SessionRecord }
  /** Written by a newer app (an old tab still open after an update): left in place, untouched. */
  | { kind: 'too-new' }
  | { kind: 'bad'; reason: string };

// The checker (the core's readRecord(), its migrations and the format library, about 7 KB gzipped)
// comes with import() the first time a stored record is read, or after the first write: a kiosk
// whose store is empty shows its first question without it (docs/storage.md).
let readRecord: ((raw: unknown) => RecordCheck) | undefined;
let loading: Promise<void> | undefined;

/** Loads the checker once; a failed load (offline before the service worker kept it) is tried again on the next call. */
export function loadChecker(): Promise<void> {
  if (readRecord) return Promise.resolve();
  loading ??= import('../core/read-session-record.ts').then(
    (module) => {
      readRecord = module.readRecord;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** True once loadChecker() has resolved: judge() may be called. */
export const checkerLoaded = (): boolean => readRecord !== undefined;

/** A record from a newer app: known without the checker. */
function tooNew(raw: unknown): boolean {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const version = (raw as Record<string, unknown>).version;
  return typeof version === 'number' && version > CURRENT_RECORD_VERSION;
}

/** Every stored value goes through the core's readRecord() (loaded first: loadChecker()); a record from a newer app is kept apart from a broken one. */
export function judge(raw: unknown): Judged {
  if (tooNew(raw)) return { kind: 'too-new' };
  if (!readRecord) throw new Error('judge() called before loadChecker() resolved');
  const read = readRecord(raw);
  return read.ok ? { kind: 'ok', record: read.record } : { kind: 'bad', reason: read.reason };
}

/** Loads the checker before stored values are judged; false, reported as 'storage.failed', when it cannot be loaded: the values are then left unread, untouched. */
export async function readyToJudge(notices: Notices): Promise<boolean> {
  try {
    await loadChecker();
    return true;
  } catch (error) {
    notices.emit({ code: 'storage.failed', detail: describeError(error) });
    return false;
  }
}

/** The words of a write refused by judge(). */
export const refusal = (judged: Exclude<Judged, { kind: 'ok' }>): string => (judged.kind === 'bad' ? judged.reason : 'record version is newer than this app');

/** How a store writes one record and sets a written one aside: what saveRecord() needs of it. */
export interface RecordWriter {
  /** Writes the record whole (results or runs, by storeFor()), as the store's transaction does. */
  put(record: SessionRecord): Promise<WriteResult>;
  /** Moves the stored value under this key to the quarantine, if it is still refused there; quietly (the write reports it). */
  setAside(source: RecordStoreName, key: string, reason: string): Promise<void>;
  readonly notices: Notices;
}

/**
 * Saves a record, checked. Once the checker is loaded, before writing: a record it refuses is not
 * written ('storage.invalid'). Before (a kiosk's first writes, nothing having been read), the
 * record, made by the app's own typed code, is written at once, so an answer never waits for the
 * checker's download and survives a reload right after it; the checker loads meanwhile and judges
 * what was written: a refused record is moved to the quarantine (kept, with why) and the write
 * reported as refused. Should the checker fail to load, the write stands: every read checks again.
 */
export async function saveRecord(record: SessionRecord, store: RecordWriter): Promise<WriteResult> {
  if (checkerLoaded() || tooNew(record)) {
    const judged = judge(record);
    if (judged.kind !== 'ok') return store.notices.fail('storage.invalid', refusal(judged));
    return store.put(judged.record);
  }
  const checking = loadChecker();
  checking.catch(() => undefined);
  const written = await store.put(record);
  if (!written.ok) return written;
  try {
    await checking;
  } catch {
    return written;
  }
  const judged = judge(record);
  if (judged.kind === 'ok') return written;
  await store.setAside(storeFor(record), record.id, refusal(judged));
  return store.notices.fail('storage.invalid', refusal(judged));
}

/** Completed runs are results; everything else is a run, so a run is never in both places. */
export function storeFor(record: SessionRecord): RecordStoreName {
  return record.status === 'completed' ? 'results' : 'runs';
}

/** The mode a raw value claims, for forgetting quarantined copies by mode. */
export function claimedMode(raw: unknown): string | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.mode === 'string') return r.mode;
  // Version-1 records had no mode and migrate to kiosk.
  return r.version === 1 ? 'kiosk' : undefined;
}

/** Keeps what a filter asks for. */
export function matches(record: SessionRecord, filter: RecordFilter = {}): boolean {
  return (!filter.questionnaireId || record.questionnaireId === filter.questionnaireId) && (!filter.mode || record.mode === filter.mode);
}

/** Most recent first: by completion for results, by last update for runs; ids break ties so the order is stable. */
export function newestFirst(a: SessionRecord, b: SessionRecord): number {
  const ka = a.completedAt ?? a.updatedAt;
  const kb = b.completedAt ?? b.updatedAt;
  if (ka !== kb) return ka < kb ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return '';
}

/** Names a thrown IndexedDB error with the code the UI knows. */
export function failureCode(error: unknown): WriteFailureCode {
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'storage.quota';
  if (error && typeof error === 'object' && 'code' in error && error.code === 22) return 'storage.quota';
  if (name === 'InvalidStateError') return 'storage.closed';
  return 'storage.failed';
}

/** A short technical description for logs and bug reports, never shown as UI text. */
export function describeError(error: unknown): string {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error)) {
    const message = (error as { message: unknown }).message;
    return `${errorName(error) || 'Error'}: ${String(message)}`;
  }
  return String(error);
}

export const OK: WriteResult = { ok: true };

/** A small set of listeners; a listener that throws never breaks storage. */
export class Notices {
  private readonly listeners = new Set<NoticeListener>();

  subscribe(listener: NoticeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(notice: StorageNotice): void {
    for (const listener of this.listeners) {
      try {
        listener(notice);
      } catch {
        // A broken listener is the UI's bug; storage goes on.
      }
    }
  }

  /** Publishes a failed write and hands it back, so every failure is both returned and announced. */
  fail(code: WriteFailureCode, detail?: string): WriteResult {
    this.emit(detail === undefined ? { code } : { code, detail });
    return detail === undefined ? { ok: false, code } : { ok: false, code, detail };
  }
}

/** Today's timestamp; injectable so tests are deterministic. */
export const isoNow = (): string => new Date().toISOString();
