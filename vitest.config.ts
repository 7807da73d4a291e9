import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    // Two shared cores: a screen test that takes 1 s alone can take 6 s when the machine is busy.
    // Speed is measured by `npm run bench`, never by a test's clock.
    testTimeout: 30_000,
    // Worker threads start faster than forked processes (one shared jsdom cost less a file): 115 s -> 95 s here.
    pool: 'threads',
    // Only the screens need a DOM (jsdom costs 1–3 s a file): storage (fake-indexeddb), strings and
    // the core run in Node.
    projects: [
      {
        extends: true,
        test: { name: 'core', environment: 'node', include: ['tests/core/**/*.test.ts', 'tests/run/**/*.test.ts', 'tests/questionnaires/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/storage/**/*.test.ts', 'tests/i18n/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'ui', environment: 'jsdom', setupFiles: ['tests/ui/setup.ts'], include: ['tests/ui/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});
