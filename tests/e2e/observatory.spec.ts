// The observatory as a funder reads it, in the built app: kiosk tallies of the last weeks (written
// into IndexedDB as the kiosk writes them), a period and a questionnaire chosen with the keyboard,
// small counts marked « masqué » (never 0) in every chart and table, the one-page printed report
// (page.pdf: one A4 page, suppressed cells still marked), axe, and screenshots at four sizes.
import type { Page } from '@playwright/test';
import { isoWeek } from '../../src/core/tally.ts';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, SCREENSHOTS, test } from './fixtures.ts';
import { h1, openSpace, section, setPassphrase, tabTo, VIEWPORTS } from './pro-helpers.ts';

// A professional's device: settings.json enables the professional space (the shipped one does not).
test.use({ deviceSettings: PRO_SETTINGS, serviceWorkers: 'block' });

const PASSPHRASE = 'un observatoire pour la mairie';
const DAY = 86_400_000;
const localDay = (time: number) => {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Kiosk tallies for this week and the two before: 9, 7 and 2 diagnostics, with small cells in each table. */
function seededTallies(): Record<string, unknown> {
  const now = Date.now();
  const weeks = [0, 1, 2].map((back) => isoWeek(localDay(now - back * 7 * DAY)));
  const tally = (week: string, profile: string, internet: string, flags: string[], count: number) => ({
    questionnaireId: 'autonomie-numerique',
    week,
    profile,
    areas: { acces: 'acquis', 'prise-en-main': 'en-cours', internet, communication: internet, demarches: 'a-travailler', securite: null },
    flags,
    count,
  });
  const books: Record<string, unknown> = {
    [weeks[0]!]: { version: 1, tallies: [tally(weeks[0]!, 'decouverte', 'a-travailler', ['souhait-apprendre'], 6), tally(weeks[0]!, 'autonome', 'acquis', [], 3)] },
    [weeks[1]!]: { version: 1, tallies: [tally(weeks[1]!, 'decouverte', 'a-travailler', ['souhait-apprendre'], 5), tally(weeks[1]!, 'premiers-pas', 'en-cours', ['demarche-urgente'], 2)] },
    [weeks[2]!]: { version: 1, tallies: [tally(weeks[2]!, 'faire-pour', 'a-travailler', ['aide-entourage'], 2)] },
  };
  return {
    'observatory.tallies.weeks': [...weeks].sort(),
    ...Object.fromEntries(Object.entries(books).map(([week, book]) => [`observatory.tallies.${week}`, book])),
  };
}

async function seed(page: Page, settings: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (entries) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reperes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      for (const [key, value] of Object.entries(entries)) tx.objectStore('settings').put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, settings);
}

test('the funder report: suppressed cells marked in every table and chart, one printed page', async ({ page }) => {
  test.setTimeout(120_000);
  await openSpace(page);
  await setPassphrase(page, PASSPHRASE);
  await seed(page, seededTallies());
  await section(page, 'Observatoire', 'Observatoire');

  // The default period (the last twelve weeks) holds the 18 seeded diagnostics.
  await expect(page.getByText(/^18 diagnostics du /)).toBeVisible();
  await expect(page.getByText(/^Observatoire de Espace public numérique — Votre autonomie numérique — du /)).toBeVisible();
  const profiles = page.getByRole('region', { name: 'Par profil' });
  // Découvrir 11, autonome 3, premiers pas 2, faire pour 2: the three small ones are hidden; nobody « presque autonome »: 0.
  await expect(profiles.getByRole('row', { name: 'Découvrir le numérique 11' })).toBeVisible();
  for (const profile of ['Être accompagné·e pour vos démarches', 'Premiers pas', 'Autonome']) await expect(profiles.getByRole('row', { name: `${profile} masqué` })).toBeVisible();
  await expect(profiles.getByRole('row', { name: 'Presque autonome 0' })).toBeVisible();
  await expect(profiles.getByRole('img')).toHaveAttribute('aria-label', /Premiers pas : masqué/);
  await expect(profiles.locator('svg text', { hasText: 'masqué' })).toHaveCount(3);
  const weeks = page.getByRole('region', { name: 'Par semaine' });
  await expect(weeks.getByRole('cell', { name: 'masqué' }).first()).toBeVisible();
  const cells = await page.locator('.pro-report td').allTextContents();
  expect(cells.filter((c) => /^[1-4]$/.test(c))).toEqual([]);
  await expectNoAxeViolations(page, 'observatory with hidden cells');

  // The questionnaire is chosen with the keyboard (the build's three): the next one has nothing counted.
  const select = page.getByRole('combobox', { name: 'Questionnaire' });
  await expect(select.locator('option')).toHaveCount(3);
  await expect(select).toHaveValue('autonomie-numerique');
  await tabTo(page, select);
  await page.keyboard.press('ArrowDown');
  await expect(select).not.toHaveValue('autonomie-numerique');
  await expect(page.getByText('Aucun diagnostic sur cette période.')).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText(/^18 diagnostics du /)).toBeVisible();

  for (const [name, width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `pro-observatory-${name}`);
    await page.getByRole('region', { name: 'Par domaine et niveau' }).screenshot({ path: join(SCREENSHOTS, `pro-observatory-areas-${name}.png`) });
    if (name === 'phone') await expectNoAxeViolations(page, 'observatory on a phone');
  }
  // The printed report, looked at on an A4 sheet's width (210 mm less 2 × 12 mm margins, at 96 dpi).
  await page.setViewportSize({ width: 703, height: 1032 });

  // The printed report: the choices and buttons go, every chart keeps its table and its marks.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('combobox', { name: 'Questionnaire' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer le rapport (une page)' })).toBeHidden();
  await expect(profiles.getByRole('row', { name: 'Premiers pas masqué' })).toBeVisible();
  await expect(page.getByText(/^Imprimé le /)).toBeVisible();
  await screenshot(page, 'pro-observatory-print');
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: join(SCREENSHOTS, 'pro-observatory-report.pdf') });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  await expect(h1(page)).toHaveText('Observatoire');
});
