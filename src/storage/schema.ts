// The IndexedDB layout, version by version. Each step brings the database from the version before
// it to its own number; a new install runs every step from 1, so the upgrade path is always the
// path that is tested. The database version is not the SessionRecord version: records migrate on
// every read through the core's readRecord(); the database migrates its layout here, once.
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import { claimedMode, judge, storeFor } from './records.ts';
import type { QuarantineEntry } from './session-store.ts';

export { DB_NAME, DB_VERSION } from './names.ts';

/** A quarantine entry before IndexedDB gives it its key. */
export type NewQuarantineEntry = Omit<QuarantineEntry, 'id'>;

/** The current layout (version 3). Values are `unknown` until readRecord() (or the vault) has judged them. */
export interface ReperesSchema extends DBSchema {
  /** Unfinished runs (in progress or abandoned), keyed by session id. */
  runs: { key: string; value: unknown };
  /** Completed runs, keyed by session id, listed by questionnaire and mode. */
  results: { key: string; value: unknown; indexes: { 'by-questionnaire-mode': [string, string] } };
  /** Settings: a key and any JSON value. */
  settings: { key: string; value: unknown };
  /** Values that failed readRecord(), set aside with why. */
  quarantine: { key: number; value: NewQuarantineEntry & { id?: number } };
  /** The professional vault (src/storage/vault.ts): its key entry (salt, verifier, failed tries) under
   * 'meta', and sealed values under '<collection>/<id>'. Nothing in it is readable without the passphrase. */
  vault: { key: string; value: unknown };
}

type AnyDatabase = IDBPDatabase<unknown>;
type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;
type UpgradeStep = (db: AnyDatabase, tx: UpgradeTransaction, now: () => string) => Promise<void> | void;

const steps: Record<number, UpgradeStep> = {
  /** Version 1: one `sessions` store for records of every status, and `settings`. */
  1: (db) => {
    db.createObjectStore('sessions', { keyPath: 'id' });
    db.createObjectStore('settings');
  },
  /** Version 2: runs and results apart, results indexed by questionnaire and mode, a quarantine;
   * every version-1 record is read through readRecord(), stored migrated, or quarantined. */
  2: async (db, tx, now) => {
    db.createObjectStore('runs', { keyPath: 'id' });
    db.createObjectStore('results', { keyPath: 'id' }).createIndex('by-questionnaire-mode', ['questionnaireId', 'mode']);
    db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
    const legacy = tx.objectStore('sessions');
    const [keys, values] = await Promise.all([legacy.getAllKeys(), legacy.getAll()]);
    const writes = values.map((raw: unknown, i): Promise<unknown> => {
      const judged = judge(raw);
      if (judged.kind === 'ok') return tx.objectStore(storeFor(judged.record)).put(judged.record);
      const mode = claimedMode(raw);
      const entry: NewQuarantineEntry = {
        source: 'legacy-sessions',
        key: String(keys[i]),
        reason: judged.kind === 'bad' ? judged.reason : 'record version is newer than this app',
        quarantinedAt: now(),
        raw,
        ...(mode === undefined ? {} : { mode }),
      };
      return tx.objectStore('quarantine').add(entry);
    });
    await Promise.all(writes);
    db.deleteObjectStore('sessions');
  },
  /** Version 3: the professional vault, empty until a passphrase is chosen; nothing else changes. */
  3: (db) => {
    db.createObjectStore('vault');
  },
};

/** Runs the upgrade steps between two versions inside the versionchange transaction; a failure rejects, and the caller aborts. */
export async function upgradeDatabase(db: AnyDatabase, oldVersion: number, newVersion: number, tx: UpgradeTransaction, now: () => string): Promise<void> {
  for (let version = oldVersion + 1; version <= newVersion; version++) {
    const step = steps[version];
    if (!step) throw new Error(`no upgrade step to database version ${version}`);
    const pending = step(db, tx, now);
    // Only await real work: the transaction must stay active between steps.
    if (pending) await pending;
  }
}
