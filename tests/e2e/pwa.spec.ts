import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

test('the app is installable: Chromium reports no installability error', async ({ baseURL, browserName }, testInfo) => {
  expect(browserName).toBe('chromium');
  const launch = testInfo.project.use.launchOptions ?? {};
  // Installability is only reported in a persistent profile (an ordinary context is "in incognito").
  const profile = mkdtempSync(join(tmpdir(), 'reperes-install-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: launch.executablePath, args: launch.args, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(baseURL ?? '/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? ((await (await fetch(link.href)).json()) as { name: string; display: string; lang: string; icons: { sizes: string }[] }) : null;
    });
    expect(manifest).toMatchObject({ name: 'Repères', display: 'standalone', lang: 'fr' });
    expect(manifest?.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
