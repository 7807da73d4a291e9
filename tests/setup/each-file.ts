// Run before each test file of both projects. They run with `isolate: false` (vitest.config.ts): a
// worker thread keeps the libraries it imported (and, for the screens, one jsdom window) from one
// file to the next instead of starting afresh for each. So that each file still starts as if alone:
//  - the project's own modules (src/, the tests' helpers) are evaluated afresh for the file: their
//    state (the language chosen, caches, what vi.mock replaced) is the file's own;
//  - what a file changed in the globals is put back when it ends: timers, vi.stubGlobal, and the
//    IndexedDB of fake-indexeddb/auto (a file's databases are not the next file's).
import { afterAll, vi } from 'vitest';

vi.resetModules();

afterAll(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  if ('indexedDB' in globalThis && globalThis.indexedDB) {
    const { IDBFactory } = await import('fake-indexeddb');
    globalThis.indexedDB = new IDBFactory();
  }
});
