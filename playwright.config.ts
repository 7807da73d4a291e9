import { defineConfig } from '@playwright/test';

// The e2e suite drives the built app (dist/) in Debian's Chromium; Playwright never downloads a browser here.
const port = Number(process.env.E2E_PORT ?? 4317);
/** The CouchDB-protocol server the sync tests replicate through (scripts/couch-server.mjs), in memory, on loopback. */
export const COUCH_PORT = port + 50;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
    locale: 'fr-FR',
    trace: 'off',
  },
  // Both servers are started before the suite and stopped after it, by Playwright itself.
  webServer: [
    {
      command: `node scripts/serve.mjs ${port}`,
      url: `http://localhost:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/couch-server.mjs ${COUCH_PORT} http://localhost:${port}`,
      url: `http://127.0.0.1:${COUCH_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
