// Shared e2e fixtures: every test fails if the page sends a request outside the app's origin,
// and helpers for screenshots and accessibility checks.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/**
 * The settings a test's device gets unless it says otherwise: the shipped settings.json's, with one
 * questionnaire offered (the shipped file offers two, whose list questionnaires.spec.ts drives; a
 * test that needs the shipped file itself sets `deviceSettings: null`).
 */
export const KIOSK_SETTINGS = { structure: 'Espace public numérique', idleSeconds: 90, modes: ['kiosk'], proIdleMinutes: 10, defaultQuestionnaire: 'autonomie-numerique' };

/** The settings of a professional's device: the shipped settings.json enables the kiosk only. */
export const PRO_SETTINGS = { structure: 'Espace public numérique', modes: ['kiosk', 'interview', 'workshop'], proIdleMinutes: 10, defaultQuestionnaire: 'autonomie-numerique' };

export const test = base.extend<{ foreignRequests: string[]; allowedOrigins: string[]; deviceSettings: Record<string, unknown> | null }>({
  // Origins a test may reach besides the app's: the server a structure configured (sync tests only).
  allowedOrigins: [[], { option: true }],
  // settings.json as this device is given it (with the service worker blocked, so the route sees
  // every request); null: the shipped file (undefined in test.use means the default, not the shipped file).
  deviceSettings: [KIOSK_SETTINGS, { option: true }],
  context: async ({ context, deviceSettings }, use) => {
    if (deviceSettings) await context.route('**/settings.json*', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(deviceSettings) }));
    await use(context);
  },
  foreignRequests: [
    async ({ context, baseURL, allowedOrigins }, use) => {
      const origin = new URL(baseURL ?? 'http://localhost/').origin;
      const foreign: string[] = [];
      context.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        const to = new URL(url).origin;
        if (to !== origin && !allowedOrigins.includes(to)) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, 'requests that left the app origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Saves a full-page screenshot under test-results/screenshots/, to be looked at by a person. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the current screen, as it reads once its entrance
 * animations have ended (an exercise's feedback fades in over 0.3 s: caught half-way, its text would
 * be judged at half its contrast), and expects no violation.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on the ${screen} screen`).toEqual([]);
}
