// The storage contract the app depends on. Two implementations keep it: IndexedDB for real use,
// memory as a twin for tests and as the fallback when IndexedDB is missing, blocked or broken.
import type { QuestionnaireId, SessionId, SessionMode, SessionRecord } from '../core/index.ts';

/** Every code storage may report; the UI translates them (never prose here). */
export const STORAGE_CODES = [
  'storage.unavailable',
  'storage.blocked',
  'storage.outdated',
  'storage.closed',
  'storage.quota',
  'storage.failed',
  'storage.invalid',
  'storage.already-completed',
  'storage.quarantined',
  'storage.too-new',
] as const;
export type StorageCode = (typeof STORAGE_CODES)[number];

/** Why a write did not happen. Nothing already saved is changed when a write fails. */
export type WriteFailureCode = Extract<
  StorageCode,
  'storage.quota' | 'storage.closed' | 'storage.outdated' | 'storage.failed' | 'storage.invalid' | 'storage.already-completed'
>;

export type WriteResult = { ok: true } | { ok: false; code: WriteFailureCode; detail?: string };

/** Why the factory fell back to the memory store. */
export type FallbackCode = Extract<StorageCode, 'storage.unavailable' | 'storage.blocked' | 'storage.outdated'>;

/** Where session records live: runs not finished yet (in progress or abandoned), and completed results. */
export type RecordStoreName = 'runs' | 'results';

/** A stored value that failed readRecord(), set aside with why. */
export interface QuarantineEntry {
  /** The quarantine's own key. */
  id: number;
  /** Where it was found; 'legacy-sessions' is the version-1 database's single store. */
  source: RecordStoreName | 'legacy-sessions';
  /** Its key there (stringified). */
  key: string;
  reason: string;
  /** The mode the raw value claims, when it has one, so forgetting a mode also clears its quarantine. */
  mode?: string;
  quarantinedAt: string;
  raw: unknown;
}

/** Something the UI may want to show discreetly; also published for every failed write. */
export type StorageNotice =
  | { code: 'storage.quarantined'; source: RecordStoreName; key: string; reason: string }
  | { code: 'storage.too-new'; source: RecordStoreName; key: string }
  | { code: WriteFailureCode; detail?: string };

export type NoticeListener = (notice: StorageNotice) => void;

/** JSON data a setting may hold. */
export type SettingValue = string | number | boolean | null | SettingValue[] | { [key: string]: SettingValue };

export interface RecordFilter {
  questionnaireId?: QuestionnaireId;
  mode?: SessionMode;
}

export interface SessionStore {
  readonly backend: 'indexeddb' | 'memory';
  /**
   * Writes a record whole, in one transaction. A completed record goes to results and leaves runs;
   * any other status goes to runs. Refused when the record fails readRecord() ('storage.invalid')
   * or when a run that is already completed would be reopened ('storage.already-completed').
   */
  save(record: SessionRecord): Promise<WriteResult>;
  /** The record with this id, from runs or results. */
  load(id: SessionId): Promise<SessionRecord | undefined>;
  /** Unfinished runs, most recently updated first. */
  listRuns(filter?: RecordFilter): Promise<SessionRecord[]>;
  /** Completed results, most recently completed first. */
  listResults(filter?: RecordFilter): Promise<SessionRecord[]>;
  getSetting(key: string): Promise<SettingValue | undefined>;
  setSetting(key: string, value: SettingValue): Promise<WriteResult>;
  removeSetting(key: string): Promise<WriteResult>;
  listQuarantine(): Promise<QuarantineEntry[]>;
  /** Removes every trace of one session: its run, its result, its quarantined copies. */
  forgetSession(id: SessionId): Promise<WriteResult>;
  /** Removes every session made in a mode (a kiosk forgetting whoever walked away), with their quarantined copies. */
  forgetMode(mode: SessionMode): Promise<WriteResult>;
  /** Removes runs, results, settings and quarantine; never the professional vault, which has its own wipe (vault.ts). */
  wipeAll(): Promise<WriteResult>;
  /** Listens to notices; returns the unsubscribe function. */
  subscribe(listener: NoticeListener): () => void;
  /** Releases the connection; later calls report 'storage.closed'. */
  close(): void;
}
