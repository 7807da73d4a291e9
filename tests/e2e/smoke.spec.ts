import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshot, test } from './fixtures.ts';

test('the built app opens on its start screen without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await screenshot(page, 'smoke-start');
  expect(errors).toEqual([]);
});

test('served with the CSP header docs/storage.md gives hosts, the page keeps its inline stylesheet and nothing is refused', async ({ page }) => {
  const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'storage.md'), 'utf8');
  const header = /add_header Content-Security-Policy "([^"]+)"/.exec(docs)?.[1];
  expect(header, 'the nginx header in docs/storage.md').toBeDefined();
  await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': header ?? '' } });
  });
  await page.addInitScript(() => {
    const w = window as unknown as { refused: string[] };
    w.refused = [];
    document.addEventListener('securitypolicyviolation', (event) => w.refused.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto('./');
  const start = page.getByRole('button', { name: 'Commencer' });
  await expect(start).toBeVisible();
  // The stylesheet applies: the button has the app's colour, not the browser's grey.
  expect(await start.evaluate((button) => getComputedStyle(button).backgroundColor)).not.toBe('rgb(239, 239, 239)');
  expect(await page.evaluate(() => (window as unknown as { refused: string[] }).refused)).toEqual([]);
});
