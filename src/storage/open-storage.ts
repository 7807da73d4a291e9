// The one entry point the app calls at start: IndexedDB when it works, the memory twin when it does
// not, and the reason, so the UI can show a discreet notice instead of a white screen. The memory
// twin comes with import() only then (private browsing, a blocked or full disk): not in the first
// question's JavaScript of every other device.
import { describeError, isoNow } from './records.ts';
import { openIndexedDbStore, StorageOpenError } from './indexeddb-store.ts';
import type { FallbackCode, SessionStore } from './session-store.ts';

export interface OpenStorageOptions {
  /** The IndexedDB factory; defaults to the page's. `null` asks for memory on purpose. */
  indexedDB?: IDBFactory | null;
  /** The database name; tests give each case its own. */
  name?: string;
  now?: () => string;
  blockedTimeoutMs?: number;
  openTimeoutMs?: number;
}

export interface OpenedStorage {
  store: SessionStore;
  /** Set when the app runs in memory: why, for a discreet notice; nothing survives a reload then. */
  fallback?: { code: FallbackCode; detail: string };
}

/** Reading the global can itself throw (storage blocked for the site, sandboxed frames). */
function pageIndexedDb(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}

/** Opens storage without ever rejecting, so a private window or a full disk never stops the app from starting. */
export async function openStorage(options: OpenStorageOptions = {}): Promise<OpenedStorage> {
  const now = options.now ?? isoNow;
  const factory = options.indexedDB === undefined ? pageIndexedDb() : options.indexedDB;
  const memory = async (code: FallbackCode, detail: string): Promise<OpenedStorage> => ({ store: (await import('./memory-store.ts')).createMemoryStore({ now }), fallback: { code, detail } });
  if (!factory) return memory('storage.unavailable', 'IndexedDB is not available');
  try {
    const store = await openIndexedDbStore({
      indexedDB: factory,
      now,
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.blockedTimeoutMs === undefined ? {} : { blockedTimeoutMs: options.blockedTimeoutMs }),
      ...(options.openTimeoutMs === undefined ? {} : { openTimeoutMs: options.openTimeoutMs }),
    });
    return { store };
  } catch (error) {
    return error instanceof StorageOpenError ? memory(error.code, error.message) : memory('storage.unavailable', describeError(error));
  }
}
