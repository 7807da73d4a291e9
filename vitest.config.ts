import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/** The files that start the in-memory CouchDB-protocol server. */
const POUCHDB = ['tests/storage/territory-server.test.ts', 'tests/storage/vault-sync.test.ts'];

export default defineConfig({
  plugins: [preact()],
  test: {
    // Two shared cores: a screen test that takes 1 s alone can take 6 s when the machine is busy.
    // Speed is measured by `npm run bench`, never by a test's clock.
    testTimeout: 30_000,
    // Worker threads start faster than forked processes (one shared jsdom cost less a file): 115 s -> 95 s here.
    pool: 'threads',
    // A worker goes from one file to the next without starting afresh: no new thread, no second import
    // of jsdom, Preact, XState, i18next… for each file. tests/setup/each-file.ts evaluates the
    // project's own modules afresh for each file and puts the globals back after it, so that a file
    // still starts as if alone. CPU time (user + sys), same busy host, 2026-12-02: the 20 screen files
    // 106 s -> 35 s, the 69 files in Node 101 s -> 64 s; the whole `npm test` 215 s -> 99 s.
    isolate: false,
    projects: [
      {
        extends: true,
        // Storage (fake-indexeddb), strings, the core, and the screens' logic without a DOM (tests/ui/*.test.ts)
        // run in Node; a file there that needs a window says so (`// @vitest-environment jsdom`). The 10
        // files of tests/ui without a DOM: 36 s of CPU in jsdom, 11 s in Node.
        test: {
          name: 'core',
          environment: 'node',
          setupFiles: ['tests/setup/each-file.ts'],
          include: ['tests/core/**/*.test.ts', 'tests/run/**/*.test.ts', 'tests/questionnaires/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/storage/**/*.test.ts', 'tests/i18n/**/*.test.ts', 'tests/ui/**/*.test.ts'],
          exclude: POUCHDB,
        },
      },
      {
        extends: true,
        // PouchDB's plugins change its class for good, once per worker (scripts/couch-server.mjs): a
        // second file evaluating them in the same worker fails ("Cannot redefine property: replicate").
        test: { name: 'pouchdb', environment: 'node', isolate: true, include: POUCHDB },
      },
      {
        extends: true,
        // Only what renders needs a DOM (jsdom costs 1–3 s a file).
        test: { name: 'ui', environment: 'jsdom', setupFiles: ['tests/setup/each-file.ts', 'tests/ui/setup.ts'], include: ['tests/ui/**/*.test.tsx'] },
      },
    ],
  },
});
