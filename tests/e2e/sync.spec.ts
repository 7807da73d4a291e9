// Team sync in the built app: two browser contexts as two professionals' devices replicate a
// record through the CouchDB-protocol server the suite started (scripts/couch-server.mjs); the
// server's raw documents hold no code, note, label or answer in clear; a record edited offline on
// both devices shows both versions until one is kept. Requests may reach that server only.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { ADMIN, EXAMPLE } from '../../scripts/couch-server.mjs';
import { COUCH_PORT } from '../../playwright.config.ts';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, test } from './fixtures.ts';

// localhost like the app (127.0.0.1 would be another address space for Chromium's local network checks).
const COUCH = `http://localhost:${COUCH_PORT}`;
const TEAM = EXAMPLE.teams[0]!;
const SETTINGS = { ...PRO_SETTINGS, syncUrl: `${COUCH}/${TEAM.database}` };
const PASS = 'le chat dort sous la table';

// The structure adds its server to the CSP's connect-src (docs/couchdb.md); here the CSP is set
// aside instead of rewriting index.html through a route, which Chromium's local-network checks
// would take for a page of the public address space.
test.use({ allowedOrigins: [COUCH], deviceSettings: SETTINGS, serviceWorkers: 'block', bypassCSP: true });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Another device of the structure: settings.json names the server. */
async function device(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', serviceWorkers: 'block', bypassCSP: true });
  await context.route('**/settings.json*', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(SETTINGS) }));
  return context;
}

async function open(page: Page): Promise<void> {
  await page.goto('./#/pro');
  await expect(h1(page)).toHaveText('Choisir une phrase de passe');
  await page.getByLabel('Phrase de passe', { exact: true }).fill(PASS);
  await page.getByLabel('La même phrase de passe, une seconde fois').fill(PASS);
  await page.getByRole('button', { name: "Enregistrer et ouvrir l'espace" }).click();
  await expect(h1(page)).toHaveText('Nouveau diagnostic');
}

async function team(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Équipe' }).click();
  await expect(h1(page)).toHaveText("Synchronisation de l'équipe");
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel("Nom d'utilisateur").fill(TEAM.user.name);
  await page.getByLabel('Mot de passe').fill(TEAM.user.password);
  await page.getByRole('button', { name: 'Enregistrer et synchroniser' }).click();
}

async function raw(): Promise<string> {
  const response = await fetch(`${COUCH}/${TEAM.database}/_all_docs?include_docs=true&conflicts=true`, { headers: { authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` } });
  return response.text();
}

/** Resumes the record and moves one step on (the run saves at once). */
async function editRecord(page: Page, code: string, key: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
  await page.getByRole('button', { name: new RegExp(`Reprendre le diagnostic ${code}`) }).click();
  await expect(page.locator('.pro-run')).toBeVisible();
  await page.locator('.pro-run h1').focus();
  await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(600);
}

test('two devices replicate a record through the server, which holds nothing in clear; edits on both sides offline show both versions', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await open(page);
  const code = await page.getByLabel('Code de la personne').inputValue();
  await page.getByLabel('Repère libre (facultatif)').fill('suivi RSA');
  await page.getByRole('button', { name: "Commencer l'entretien" }).click();
  await expect(page.locator('.pro-run')).toBeVisible();
  await team(page);
  await signIn(page);
  await expect(page.getByText(/^Dernière synchronisation réussie : /)).toBeVisible();
  await expect(page.getByText('Aucune modification en attente d’envoi.').or(page.getByText("Aucune modification en attente d'envoi."))).toBeVisible();
  await expectNoAxeViolations(page, 'team sync');
  for (const [name, width, height] of [['phone', 360, 740], ['desktop', 1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `pro-sync-${name}`);
  }

  // What the host sees.
  const seen = await raw();
  expect(seen).toContain('"records/');
  for (const secret of [code, code.replace('-', ''), 'suivi RSA', 'equipement', 'interview', TEAM.user.password, PASS]) expect(seen).not.toContain(secret);

  // The second device: its own passphrase salt; it joins the team with the passphrase, then finds the record.
  const other = await device(browser, baseURL);
  const second = await other.newPage();
  await open(second);
  await team(second);
  await signIn(second);
  await expect(second.getByRole('alert')).toContainText("L'équipe a déjà ses dossiers sur ce serveur");
  await second.getByLabel("Phrase de passe de l'équipe").fill(PASS);
  await second.getByRole('button', { name: "Rejoindre l'équipe" }).click();
  await expect(second.getByText(/^Synchronisé : /)).toBeVisible();
  await second.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
  await expect(second.getByRole('rowheader', { name: code })).toBeVisible();

  // The space syncs while it is open, whatever section shows: a record started on the first device
  // reaches the second when the network comes back, neither opening « Équipe ».
  await page.getByRole('navigation').getByRole('button', { name: 'Nouveau diagnostic' }).click();
  const later = await page.getByLabel('Code de la personne').inputValue();
  await page.getByRole('button', { name: "Commencer l'entretien" }).click();
  await expect(page.locator('.pro-run')).toBeVisible();
  await expect(async () => {
    for (const p of [page, second]) await p.evaluate(() => window.dispatchEvent(new Event('online')));
    await second.getByRole('navigation').getByRole('button', { name: 'Dossiers' }).click();
    await expect(second.getByRole('rowheader', { name: later })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // Both devices offline, each edits the record; back online, each syncs: both versions are shown.
  await page.context().setOffline(true);
  await other.setOffline(true);
  await editRecord(page, code, '1');
  await editRecord(second, code, 'Enter');
  await team(page);
  await expect(page.getByRole('alert')).toContainText('Le serveur ne répond pas');
  await expect(page.getByText(/modifications? en attente d'envoi/)).toBeVisible();
  await page.context().setOffline(false);
  await other.setOffline(false);
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(page.getByText(/^Synchronisé : /)).toBeVisible();
  await team(second);
  await expect(second.getByRole('heading', { name: 'Dossiers modifiés sur deux appareils' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Garder cette version' })).toHaveCount(2);
  await screenshot(second, 'pro-sync-conflict');
  await expectNoAxeViolations(second, 'sync conflict');
  await second.getByRole('button', { name: 'Garder cette version' }).first().click();
  await expect(second.getByRole('heading', { name: 'Dossiers modifiés sur deux appareils' })).toHaveCount(0);
  await other.close();
});
