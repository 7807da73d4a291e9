import { expect, screenshot, test } from './fixtures.ts';

test('the built app opens on its start screen without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await screenshot(page, 'smoke-start');
  expect(errors).toEqual([]);
});
