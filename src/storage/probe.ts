// Whether the device may hold a run to take up again, asked of IndexedDB directly, without the
// store (idb, its checks): on a kiosk, which forgets every person, the answer is almost always no,
// and storage is then loaded with the first write, after the first question is on screen, rather
// than before the start screen shows. Any doubt answers yes: storage itself then opens at start,
// as it always did, and says what is wrong (no IndexedDB, an upgrade to run, a newer version).
import { DB_NAME, DB_VERSION } from './names.ts';

export interface ProbeOptions {
  /** The IndexedDB factory; defaults to the page's. */
  indexedDB?: IDBFactory | undefined;
  name?: string;
  /** How long to wait for IndexedDB's answer before assuming there may be something (some browsers never answer). */
  timeoutMs?: number;
}

function pageIndexedDb(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}

/** False only when the database surely holds no run and no result: it does not exist, or both stores are empty. */
export function mayHoldRecords(options: ProbeOptions = {}): Promise<boolean> {
  const factory = 'indexedDB' in options ? options.indexedDB : pageIndexedDb();
  return new Promise((resolve) => {
    let settled = false;
    const answer = (value: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => answer(true), options.timeoutMs ?? 3000);
    if (!factory) return answer(true);
    let request: IDBOpenDBRequest;
    try {
      // No version asked: an existing database opens as it is, never upgraded here.
      request = factory.open(options.name ?? DB_NAME);
    } catch {
      return answer(true);
    }
    // No database yet: creating it is storage's work (its upgrade steps), so this creation is
    // abandoned, which leaves no database behind.
    let absent = false;
    request.onupgradeneeded = () => {
      absent = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      answer(!absent);
    };
    request.onsuccess = () => {
      const db = request.result;
      const close = (value: boolean) => {
        db.close();
        answer(value);
      };
      if (settled) return close(true);
      if (db.version !== DB_VERSION) return close(true);
      try {
        const tx = db.transaction(['runs', 'results'], 'readonly');
        const counts = [tx.objectStore('runs').count(), tx.objectStore('results').count()];
        tx.oncomplete = () => close(counts.some((count) => count.result > 0));
        tx.onabort = () => close(true);
      } catch {
        close(true);
      }
    };
  });
}
