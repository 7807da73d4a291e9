// Rules both stores share, so the memory twin cannot drift from IndexedDB: how a stored value is
// judged, which store a record belongs in, how lists are filtered and ordered, how errors are named.
import { CURRENT_RECORD_VERSION, readRecord, type SessionRecord } from '../core/index.ts';
import type { NoticeListener, RecordFilter, RecordStoreName, StorageNotice, WriteFailureCode, WriteResult } from './session-store.ts';

export type Judged =
  | { kind: 'ok'; record: SessionRecord }
  /** Written by a newer app (an old tab still open after an update): left in place, untouched. */
  | { kind: 'too-new' }
  | { kind: 'bad'; reason: string };

/** Every stored value goes through the core's readRecord(); a record from a newer app is kept apart from a broken one. */
export function judge(raw: unknown): Judged {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const version = (raw as Record<string, unknown>).version;
    if (typeof version === 'number' && version > CURRENT_RECORD_VERSION) return { kind: 'too-new' };
  }
  const read = readRecord(raw);
  return read.ok ? { kind: 'ok', record: read.record } : { kind: 'bad', reason: read.reason };
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
