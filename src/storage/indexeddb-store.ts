// The IndexedDB store: the only code that touches IndexedDB, through idb.
//
// Two tabs: each run is its own record keyed by its session id, validated, then written whole in
// one transaction; the last write of a record wins, and a record is never a mix of two writes.
// Completing a run moves it from runs to results in one transaction, and a run already in results
// is never reopened by a late write from another tab. When another tab opens a newer database
// version, this tab closes its connection at once (so the upgrade is not blocked) and reports
// 'storage.outdated': the UI asks for a reload at the next calm moment.
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { SessionId, SessionMode, SessionRecord } from '../core/index.ts';
import { checkerLoaded, claimedMode, describeError, failureCode, isoNow, judge, loadChecker, matches, newestFirst, Notices, OK, readyToJudge, saveRecord, storeFor } from './records.ts';
import { DB_NAME, DB_VERSION, upgradeDatabase, type NewQuarantineEntry, type ReperesSchema } from './schema.ts';
import type {
  FallbackCode,
  NoticeListener,
  QuarantineEntry,
  RecordFilter,
  RecordStoreName,
  SessionStore,
  SettingValue,
  WriteFailureCode,
  WriteResult,
} from './session-store.ts';

type Database = IDBPDatabase<ReperesSchema>;
type Names = StoreNames<ReperesSchema>;
type WriteBody<N extends Names[]> = (tx: IDBPTransaction<ReperesSchema, N, 'readwrite'>) => Promise<WriteResult | void>;

/** Why the database could not be opened; the factory falls back to memory with this code. */
export class StorageOpenError extends Error {
  constructor(
    readonly code: FallbackCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'StorageOpenError';
  }
}

export interface IndexedDbStoreOptions {
  indexedDB: IDBFactory;
  name?: string;
  now?: () => string;
  /** How long to wait for older connections elsewhere to close before giving up ('storage.blocked'). */
  blockedTimeoutMs?: number;
  /** How long opening may take at all ('storage.unavailable'): some browsers never answer. */
  openTimeoutMs?: number;
}

/**
 * Opens (creating or upgrading) the database; the request is raw so tests can inject their own IDBFactory.
 * Upgrading a version-1 database reads its records through the checker, which cannot be loaded
 * inside the upgrade's transaction: the upgrade is then abandoned, the checker loaded, and the
 * database opened again (nothing changed meanwhile: an aborted upgrade leaves version 1 whole).
 */
function requestDatabase(factory: IDBFactory, name: string, now: () => string, onBlocked: () => void): Promise<Database> {
  const request = factory.open(name, DB_VERSION);
  let needsChecker = false;
  request.addEventListener('upgradeneeded', (event) => {
    const raw = request.transaction;
    if (!raw) return;
    if (event.oldVersion === 1 && !checkerLoaded()) {
      needsChecker = true;
      raw.abort();
      return;
    }
    const db = wrap(request.result) as IDBPDatabase<unknown>;
    const tx = wrap(raw) as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
    // An aborted upgrade is reported by the open request; its transaction's promise needs no second report.
    tx.done.catch(() => undefined);
    upgradeDatabase(db, event.oldVersion, event.newVersion ?? DB_VERSION, tx, now).catch(() => {
      try {
        raw.abort();
      } catch {
        // Already finished: the open request reports the error.
      }
    });
  });
  request.addEventListener('blocked', onBlocked);
  return wrap(request).then(
    (db) => {
      if (!db) throw new Error('open returned no database');
      return db as unknown as Database;
    },
    async (error: unknown) => {
      if (!needsChecker) throw error;
      await loadChecker();
      return requestDatabase(factory, name, now, onBlocked);
    },
  );
}

/** Opens within time limits, closing a connection that arrives after we gave up on it. */
function openWithin(options: Required<IndexedDbStoreOptions>): Promise<Database> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const giveUp = (error: StorageOpenError): void => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      reject(error);
    };
    const onBlocked = (): void => {
      timers.push(setTimeout(() => giveUp(new StorageOpenError('storage.blocked', 'an older connection in another tab did not close')), options.blockedTimeoutMs));
    };
    timers.push(setTimeout(() => giveUp(new StorageOpenError('storage.unavailable', 'opening the database timed out')), options.openTimeoutMs));
    let opening: Promise<Database>;
    try {
      opening = requestDatabase(options.indexedDB, options.name, options.now, onBlocked);
    } catch (error) {
      giveUp(new StorageOpenError('storage.unavailable', describeError(error)));
      return;
    }
    opening.then(
      (db) => {
        if (settled) {
          db.close();
          return;
        }
        settled = true;
        timers.forEach(clearTimeout);
        resolve(db);
      },
      (error: unknown) => {
        const name = error && typeof error === 'object' && 'name' in error ? error.name : '';
        giveUp(new StorageOpenError(name === 'VersionError' ? 'storage.outdated' : 'storage.unavailable', describeError(error)));
      },
    );
  });
}

class IndexedDbStore implements SessionStore {
  readonly backend = 'indexeddb' as const;
  private db: Database | undefined;
  private reconnecting: Promise<Database | WriteFailureCode> | undefined;
  private state: 'open' | 'outdated' | 'closed' = 'open';
  private readonly notices = new Notices();

  constructor(
    db: Database,
    private readonly reopen: () => Promise<Database>,
    private readonly now: () => string,
  ) {
    this.attach(db);
  }

  private attach(db: Database): void {
    this.db = db;
    // A newer version wants to open (or the database is being deleted) in another tab: let it.
    db.addEventListener('versionchange', () => {
      db.close();
      if (this.db === db) this.db = undefined;
      this.state = 'outdated';
      this.notices.emit({ code: 'storage.outdated' });
    });
    // The browser closed the connection (storage cleared, disk error): reopen on next use.
    db.addEventListener('close', () => {
      if (this.db === db) this.db = undefined;
    });
  }

  /** The open connection, reopened after an abnormal close; a code when there is none to be had. */
  private async connection(): Promise<Database | WriteFailureCode> {
    if (this.state === 'outdated') return 'storage.outdated';
    if (this.state === 'closed') return 'storage.closed';
    if (this.db) return this.db;
    this.reconnecting ??= this.reopen().then(
      (db) => {
        this.reconnecting = undefined;
        if (this.state !== 'open') {
          db.close();
          return this.state === 'outdated' ? 'storage.outdated' : 'storage.closed';
        }
        this.attach(db);
        return db;
      },
      (error: unknown) => {
        this.reconnecting = undefined;
        return error instanceof StorageOpenError && error.code === 'storage.outdated' ? 'storage.outdated' : 'storage.closed';
      },
    );
    return this.reconnecting;
  }

  /** One readwrite transaction: all of it is written, or none of it. */
  private async write<N extends Names[]>(names: N, body: WriteBody<N>): Promise<WriteResult> {
    const db = await this.connection();
    if (typeof db === 'string') return this.notices.fail(db);
    let tx: IDBPTransaction<ReperesSchema, N, 'readwrite'> | undefined;
    try {
      tx = db.transaction(names, 'readwrite');
      tx.done.catch(() => undefined);
      const refused = await body(tx);
      if (refused && !refused.ok) {
        tx.abort();
        return this.notices.fail(refused.code, refused.detail);
      }
      await tx.done;
      return OK;
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already aborted by the failing request.
      }
      return this.notices.fail(failureCode(error), describeError(error));
    }
  }

  /** Reads raw values, keeps the good ones, quarantines the bad ones; a failed read is reported and reads as empty. */
  private async read(source: RecordStoreName, filter: RecordFilter = {}): Promise<SessionRecord[]> {
    const db = await this.connection();
    if (typeof db === 'string') {
      this.notices.emit({ code: db });
      return [];
    }
    let entries: [string, unknown][];
    try {
      if (source === 'results' && filter.questionnaireId && filter.mode) {
        const tx = db.transaction('results', 'readonly');
        tx.done.catch(() => undefined);
        const index = tx.store.index('by-questionnaire-mode');
        const range: [string, string] = [filter.questionnaireId, filter.mode];
        const [keys, values] = await Promise.all([index.getAllKeys(range), index.getAll(range)]);
        entries = keys.map((key, i) => [key, values[i]]);
      } else {
        const tx = db.transaction(source, 'readonly');
        tx.done.catch(() => undefined);
        const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
        entries = keys.map((key, i) => [key, values[i]]);
      }
    } catch (error) {
      this.notices.emit({ code: failureCode(error), detail: describeError(error) });
      return [];
    }
    if (entries.length && !(await readyToJudge(this.notices))) return [];
    const records: SessionRecord[] = [];
    for (const [key, raw] of entries) {
      const record = await this.accept(db, source, key, raw);
      if (record) records.push(record);
    }
    return records;
  }

  private async accept(db: Database, source: RecordStoreName, key: string, raw: unknown): Promise<SessionRecord | undefined> {
    const judged = judge(raw);
    if (judged.kind === 'ok') return judged.record;
    if (judged.kind === 'too-new') this.notices.emit({ code: 'storage.too-new', source, key });
    else await this.quarantine(db, source, key, judged.reason);
    return undefined;
  }

  /** Moves a bad value to the quarantine, unless another tab has replaced it meanwhile; if the move fails it stays put, still skipped. */
  private async quarantine(db: Database, source: RecordStoreName, key: string, reason: string, announce = true): Promise<void> {
    try {
      const tx = db.transaction([source, 'quarantine'], 'readwrite');
      tx.done.catch(() => undefined);
      const raw: unknown = await tx.objectStore(source).get(key);
      if (raw !== undefined && judge(raw).kind === 'bad') {
        const mode = claimedMode(raw);
        const entry: NewQuarantineEntry = { source, key, reason, quarantinedAt: this.now(), raw, ...(mode === undefined ? {} : { mode }) };
        await tx.objectStore('quarantine').add(entry);
        await tx.objectStore(source).delete(key);
      }
      await tx.done;
    } catch {
      // Left in place: it is judged again, and skipped, on every read.
    }
    if (announce) this.notices.emit({ code: 'storage.quarantined', source, key, reason });
  }

  async save(record: SessionRecord): Promise<WriteResult> {
    return saveRecord(record, {
      notices: this.notices,
      put: (value) =>
        storeFor(value) === 'runs'
          ? this.putRun(value)
          : this.write(['runs', 'results'], async (tx) => {
              await tx.objectStore('results').put(value);
              await tx.objectStore('runs').delete(value.id);
            }),
      setAside: async (source, key, reason) => {
        const db = await this.connection();
        if (typeof db !== 'string') await this.quarantine(db, source, key, reason, false);
      },
    });
  }

  /**
   * A run in progress, written in one breath: its put goes with the look for a result of the same id,
   * and the transaction is committed at once (IDBTransaction.commit). A page closed right after an
   * answer starts this write as it goes (visibilitychange, pagehide, src/ui/after-paint.ts); waiting
   * for the look's reply before putting lost the answer whenever the page's process ended first (4
   * times in 6 in Chromium with no service worker; tests/e2e/run.spec.ts). A result already there (a
   * late autosave, another tab) takes the run away again and refuses the write; should the page end
   * in between, readers prefer the result (load, and the kiosk's resume).
   */
  private async putRun(value: SessionRecord): Promise<WriteResult> {
    const db = await this.connection();
    if (typeof db === 'string') return this.notices.fail(db);
    try {
      const tx = db.transaction(['runs', 'results'], 'readwrite');
      tx.done.catch(() => undefined);
      const completed = tx.objectStore('results').getKey(value.id);
      const put = tx.objectStore('runs').put(value);
      // Safari before 15 has no commit(): there the transaction commits by itself, as before.
      tx.commit?.();
      const [key] = await Promise.all([completed, put, tx.done]);
      if (key === undefined) return OK;
      const removed = await this.write(['runs'], async (again) => void (await again.objectStore('runs').delete(value.id)));
      return removed.ok ? this.notices.fail('storage.already-completed') : removed;
    } catch (error) {
      return this.notices.fail(failureCode(error), describeError(error));
    }
  }

  async load(id: SessionId): Promise<SessionRecord | undefined> {
    const db = await this.connection();
    if (typeof db === 'string') {
      this.notices.emit({ code: db });
      return undefined;
    }
    let found: [RecordStoreName, unknown][];
    try {
      const tx = db.transaction(['runs', 'results'], 'readonly');
      tx.done.catch(() => undefined);
      const [run, result] = await Promise.all([tx.objectStore('runs').get(id), tx.objectStore('results').get(id)]);
      // A result first: a run of the same id can only be one the page did not live to take away (putRun).
      found = [
        ['results', result],
        ['runs', run],
      ];
    } catch (error) {
      this.notices.emit({ code: failureCode(error), detail: describeError(error) });
      return undefined;
    }
    if (found.some(([, raw]) => raw !== undefined) && !(await readyToJudge(this.notices))) return undefined;
    for (const [source, raw] of found) {
      if (raw === undefined) continue;
      const record = await this.accept(db, source, id, raw);
      if (record) return record;
    }
    return undefined;
  }

  async listRuns(filter?: RecordFilter): Promise<SessionRecord[]> {
    return (await this.read('runs', filter)).filter((r) => matches(r, filter)).sort(newestFirst);
  }

  async listResults(filter?: RecordFilter): Promise<SessionRecord[]> {
    return (await this.read('results', filter)).filter((r) => matches(r, filter)).sort(newestFirst);
  }

  async getSetting(key: string): Promise<SettingValue | undefined> {
    const db = await this.connection();
    if (typeof db === 'string') {
      this.notices.emit({ code: db });
      return undefined;
    }
    try {
      // Settings are only ever written by setSetting(), which takes JSON data.
      return (await db.get('settings', key)) as SettingValue | undefined;
    } catch (error) {
      this.notices.emit({ code: failureCode(error), detail: describeError(error) });
      return undefined;
    }
  }

  async setSetting(key: string, value: SettingValue): Promise<WriteResult> {
    return this.write(['settings'], async (tx) => void (await tx.objectStore('settings').put(value, key)));
  }

  async removeSetting(key: string): Promise<WriteResult> {
    return this.write(['settings'], async (tx) => tx.objectStore('settings').delete(key));
  }

  async listQuarantine(): Promise<QuarantineEntry[]> {
    const db = await this.connection();
    if (typeof db === 'string') {
      this.notices.emit({ code: db });
      return [];
    }
    try {
      // The key path gives every stored entry its id.
      return (await db.getAll('quarantine')) as QuarantineEntry[];
    } catch (error) {
      this.notices.emit({ code: failureCode(error), detail: describeError(error) });
      return [];
    }
  }

  async forgetSession(id: SessionId): Promise<WriteResult> {
    return this.write(['runs', 'results', 'quarantine'], async (tx) => {
      await tx.objectStore('runs').delete(id);
      await tx.objectStore('results').delete(id);
      let cursor = await tx.objectStore('quarantine').openCursor();
      while (cursor) {
        if (cursor.value.key === id) await cursor.delete();
        cursor = await cursor.continue();
      }
    });
  }

  async forgetMode(mode: SessionMode): Promise<WriteResult> {
    return this.write(['runs', 'results', 'quarantine'], async (tx) => {
      for (const source of ['runs', 'results'] as const) {
        let cursor = await tx.objectStore(source).openCursor();
        while (cursor) {
          // The mode a value claims is the mode readRecord() gives it (version 1 migrates to kiosk): no checker needed.
          if (claimedMode(cursor.value) === mode) await cursor.delete();
          cursor = await cursor.continue();
        }
      }
      let cursor = await tx.objectStore('quarantine').openCursor();
      while (cursor) {
        if (cursor.value.mode === mode) await cursor.delete();
        cursor = await cursor.continue();
      }
    });
  }

  async wipeAll(): Promise<WriteResult> {
    return this.write(['runs', 'results', 'settings', 'quarantine'], async (tx) => {
      await Promise.all([tx.objectStore('runs').clear(), tx.objectStore('results').clear(), tx.objectStore('settings').clear(), tx.objectStore('quarantine').clear()]);
    });
  }

  subscribe(listener: NoticeListener): () => void {
    return this.notices.subscribe(listener);
  }

  close(): void {
    this.state = 'closed';
    this.db?.close();
    this.db = undefined;
  }
}

/** Opens the database (creating or upgrading it) within the time limits, for another view of it (the vault). */
export function openReperesDatabase(options: IndexedDbStoreOptions): Promise<Database> {
  return openWithin({
    indexedDB: options.indexedDB,
    name: options.name ?? DB_NAME,
    now: options.now ?? isoNow,
    blockedTimeoutMs: options.blockedTimeoutMs ?? 3000,
    openTimeoutMs: options.openTimeoutMs ?? 10000,
  });
}

/** Opens the database (creating or upgrading it) and wraps it in the store; rejects with a StorageOpenError the factory turns into a fallback. */
export async function openIndexedDbStore(options: IndexedDbStoreOptions): Promise<SessionStore> {
  const full: Required<IndexedDbStoreOptions> = {
    indexedDB: options.indexedDB,
    name: options.name ?? DB_NAME,
    now: options.now ?? isoNow,
    blockedTimeoutMs: options.blockedTimeoutMs ?? 3000,
    openTimeoutMs: options.openTimeoutMs ?? 10000,
  };
  const db = await openWithin(full);
  return new IndexedDbStore(db, () => openWithin(full), full.now);
}
