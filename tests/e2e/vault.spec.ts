// The professional vault beyond one device: a backup file saved on one device (a browser context)
// and restored on another, where every record is found again.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, KIOSK_SETTINGS, PRO_SETTINGS, screenshot, test } from './fixtures.ts';
import { persona, startAndRun } from './runs.ts';

test.use({ deviceSettings: PRO_SETTINGS, serviceWorkers: 'block' });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Another device: a new browser context with the same professional settings. */
async function newDevice(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', serviceWorkers: 'block' });
  await context.route('**/settings.json*', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(PRO_SETTINGS) }));
  return context;
}

export async function openWithPassphrase(page: Page, passphrase: string): Promise<void> {
  await page.goto('./#/pro');
  await expect(h1(page)).toHaveText('Choisir une phrase de passe');
  await page.getByLabel('Phrase de passe', { exact: true }).fill(passphrase);
  await page.getByLabel('La même phrase de passe, une seconde fois').fill(passphrase);
  await page.getByRole('button', { name: "Enregistrer et ouvrir l'espace" }).click();
  await expect(h1(page)).toHaveText('Nouveau diagnostic');
}

/** Starts a diagnostic (which files a record at once) and returns its code. */
export async function startDiagnostic(page: Page): Promise<string> {
  await page.getByRole('navigation').getByRole('button', { name: 'Nouveau diagnostic' }).click();
  await expect(h1(page)).toHaveText('Nouveau diagnostic');
  const code = await page.getByLabel('Code de la personne').inputValue();
  await page.getByRole('button', { name: "Commencer l'entretien" }).click();
  await expect(page.locator('.pro-run')).toBeVisible();
  return code;
}

test('a device restored from a backup file finds all its records', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await openWithPassphrase(page, 'le chat dort sous la table');
  const codes = [await startDiagnostic(page), await startDiagnostic(page)];
  await page.getByRole('navigation').getByRole('button', { name: 'Sauvegarde' }).click();
  await expect(h1(page)).toHaveText('Sauvegarde des données professionnelles');
  await expect(h1(page)).toBeFocused();
  await expect(page.getByText("Aucune sauvegarde n'a encore été faite depuis cet appareil.")).toBeVisible();
  await expectNoAxeViolations(page, 'backup');
  for (const [name, width, height] of [['phone', 360, 740], ['tablet-portrait', 800, 1280], ['tablet-landscape', 1280, 800], ['desktop', 1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `pro-backup-${name}`);
  }
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Enregistrer une sauvegarde' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^reperes-sauvegarde-\d{4}-\d\d-\d\d\.reperes$/);
  const file = await download.path();
  await expect(page.getByRole('status').filter({ hasText: /^Sauvegarde enregistrée : 2 dossiers/ })).toBeVisible();
  await expect(page.getByText(/^Dernière sauvegarde : le /)).toBeVisible();

  // Another device, where another passphrase was chosen: the file restores every record.
  const other = await newDevice(browser, baseURL);
  const second = await other.newPage();
  await openWithPassphrase(second, 'une autre phrase pour ce poste');
  await second.getByRole('navigation').getByRole('button', { name: 'Sauvegarde' }).click();
  await second.getByLabel('Fichier de sauvegarde (.reperes)').setInputFiles(file);
  await second.getByLabel('Phrase de passe de la sauvegarde').fill('pas la bonne phrase');
  await second.getByRole('button', { name: 'Restaurer' }).click();
  await expect(second.getByRole('alert')).toContainText("rien n'a été changé");
  await second.getByLabel('Phrase de passe de la sauvegarde').fill('le chat dort sous la table');
  await second.getByRole('button', { name: 'Restaurer' }).click();
  await expect(second.getByRole('status').filter({ hasText: /restaurée : 2 ajouté\(s\)/ })).toBeVisible();
  await expectNoAxeViolations(second, 'backup restored');
  await second.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
  await expect(h1(second)).toHaveText('Dossiers de cet appareil');
  for (const code of codes) await expect(second.getByRole('rowheader', { name: code })).toBeVisible();
  await other.close();
});

test('a kiosk result handed off by its link, or by its short code, lands as a record', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  // The kiosk, with the shipped settings' questionnaire alone: a run to its result; nothing of it is kept there.
  const kioskContext = await browser.newContext({ baseURL, locale: 'fr-FR', serviceWorkers: 'block' });
  await kioskContext.route('**/settings.json*', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(KIOSK_SETTINGS) }));
  const kiosk = await kioskContext.newPage();
  await kiosk.goto('./');
  await startAndRun(kiosk, persona('premiers-pas').answers);
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('Premiers pas');
  const link = await kiosk.locator('.result__qr svg.qr-code').first().getAttribute('data-url');
  const code = await kiosk.locator('.result__code').textContent();
  expect(link).toContain('#/r?');
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{1,4})+$/);
  await expectNoAxeViolations(kiosk, 'kiosk result with its hand-off code');
  await kiosk.getByRole('button', { name: 'Terminer et effacer' }).click();
  await kioskContext.close();

  // The professional's device: the link pasted in « Recevoir un résultat », filed under a new code.
  await openWithPassphrase(page, 'le chat dort sous la table');
  await page.getByRole('navigation').getByRole('button', { name: 'Recevoir un résultat' }).click();
  await expect(h1(page)).toHaveText('Recevoir un résultat de la borne');
  await page.getByLabel('Lien ou code du résultat').fill(link ?? '');
  await page.getByRole('button', { name: 'Lire' }).click();
  await expect(page.getByRole('heading', { name: 'Résultat reçu' })).toBeFocused();
  await expect(page.getByText('Profil : Premiers pas')).toBeVisible();
  await expectNoAxeViolations(page, 'hand-off received');
  for (const [name, width, height] of [['phone', 360, 740], ['desktop', 1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `pro-handoff-${name}`);
  }
  const first = (await page.getByRole('radio', { name: /^Un nouveau code : / }).locator('..').textContent())?.replace(/^.*: /, '') ?? '';
  await page.getByRole('button', { name: 'Classer le dossier' }).click();
  await expect(h1(page)).toContainText(`Diagnostic ${first}`);
  await expect(page.getByText('Premiers pas', { exact: true })).toBeVisible();

  // The short code, typed, filed under the same person's code.
  await page.getByRole('navigation').getByRole('button', { name: 'Recevoir un résultat' }).click();
  await page.getByLabel('Lien ou code du résultat').fill((code ?? '').toLowerCase());
  await page.getByRole('button', { name: 'Lire' }).click();
  await expect(page.getByText('Le résultat seulement (profil, niveaux et suites), sans les réponses.')).toBeVisible();
  await page.getByRole('radio', { name: "Le code d'une personne déjà suivie" }).check();
  await page.getByLabel('Code de la personne').fill(first);
  await page.getByRole('button', { name: 'Classer le dossier' }).click();
  await expect(h1(page)).toContainText(`Diagnostic ${first}`);
  await page.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
  await expect(page.getByRole('rowheader', { name: first })).toHaveCount(2);
});
