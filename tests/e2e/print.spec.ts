// The printed roadmap: one A4 page, body text at 12 pt or more, QR code included, for the longest
// result of every persona (Robert: ten next steps, of which the person's page shows the questionnaire's
// `maxForPerson`, five), with three nearby places on top, in French and in Arabic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures.ts';
import { LONGEST_RESULT, startAndRun } from './runs.ts';

test.use({ serviceWorkers: 'block' });

const QUESTIONNAIRE = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'questionnaires', 'autonomie-numerique', 'questionnaire.json'), 'utf8')) as { recommendations: { maxForPerson: number } };
const PLACES = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'places.example.json'), 'utf8')) as unknown;

/**
 * Stores the example places as the professional space does (the settings store, key "places").
 * A kiosk with nothing stored has no database yet (storage opens with the first write): then it is
 * made with the version-1 layout, as the first app versions made it, which the app upgrades on the
 * next load, settings kept.
 */
async function storePlaces(page: Page) {
  await page.evaluate(
    (places) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('reperes');
        open.onupgradeneeded = () => {
          open.result.createObjectStore('sessions', { keyPath: 'id' });
          open.result.createObjectStore('settings');
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put(places, 'places');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    PLACES,
  );
}

/** The smallest font size, in points, of any text printed on the page, and where. */
async function smallestPrintedText(page: Page): Promise<{ pt: number; where: string }> {
  return page.evaluate(() => {
    let smallest = { pt: Infinity, where: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim()) continue;
      if (!element.checkVisibility() || element.closest('.visually-hidden')) continue;
      const pt = (parseFloat(getComputedStyle(element).fontSize) * 72) / 96;
      if (pt < smallest.pt) smallest = { pt, where: `${element.className || element.tagName}: ${node.textContent.trim().slice(0, 40)}` };
    }
    return smallest;
  });
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

for (const language of ['fr', 'ar']) {
  test(`the longest result prints on one A4 page at 12 pt or more, QR code and places included (${language})`, async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('.start__begin')).toBeVisible();
    await storePlaces(page);
    await page.reload();
    if (language !== 'fr') await page.locator(`.button--language[lang="${language}"]`).click();
    await startAndRun(page, LONGEST_RESULT.answers);
    await expect(page.locator('#result-title')).toBeFocused();
    await expect(page.locator('.steps:not(.places) > li')).toHaveCount(QUESTIONNAIRE.recommendations.maxForPerson);
    await expect(page.locator('.places > li')).toHaveCount(3);
    await expect(page.getByRole('img', { name: /QR/ })).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.qr-code')).toBeVisible();
    const smallest = await smallestPrintedText(page);
    console.log(`${language}: smallest printed text ${smallest.pt.toFixed(1)} pt (${smallest.where})`);
    expect(smallest.pt, smallest.where).toBeGreaterThanOrEqual(12);
    // What the A4 page shows: 194 mm by 283 mm at 96 px an inch, margins left out.
    await page.setViewportSize({ width: 733, height: 1070 });
    console.log(language, 'printed height', await page.evaluate(() => document.querySelector('.result')?.getBoundingClientRect().height), 'of 1070');
    await screenshot(page, `print-longest-${language}`);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, path: `test-results/screenshots/print-longest-${language}.pdf` });
    expect(pageCount(pdf)).toBe(1);
  });
}
