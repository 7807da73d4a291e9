// Questionnaires that evolve and coexist, in the built app. A professional record is made with
// questionnaire A (the sample, version 1.0.0); then the structure publishes A 2.0.0 (a question
// renamed, texts changed; 1.0.0 archived under versions/, as questionnaires/README.md says) with the
// build's questionnaire step, and makes B (« Rester en contact ») the default in settings.json.
// The old record still opens with its own texts, answers and outcome, says which version it was
// made with; the code's history shows A's record apart from B's; the observatory counts both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, test } from './fixtures.ts';
import { h1, press, section, setPassphrase, tabTo, VIEWPORTS } from './pro-helpers.ts';
import { currentStep, proHeading, proOptionValues } from './runs.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// A copy of the build served from a folder of its own (the suite's server +1100: clear of the
// update tests' +1000 and the CouchDB-protocol +50), so that a new questionnaire version can be published into it.
const port = Number(process.env.E2E_PORT ?? 4317) + 1100;
const PASSPHRASE = 'la rivière coule vers la mer';
// The settings.json of that folder, as written below (null: no route in its place).
test.use({ baseURL: `http://localhost:${port}/`, deviceSettings: null, serviceWorkers: 'block' });

let folder = '';
let server: ChildProcess | undefined;

const settings = (defaultQuestionnaire: string) => writeFileSync(join(folder, 'settings.json'), JSON.stringify({ ...PRO_SETTINGS, defaultQuestionnaire }));

test.beforeAll(async () => {
  test.setTimeout(60_000);
  folder = mkdtempSync(join(tmpdir(), 'reperes-versions-'));
  cpSync(join(ROOT, 'dist'), folder, { recursive: true });
  settings('exemple');
  server = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), String(port)], { env: { ...process.env, REPERES_DIST: folder }, stdio: 'ignore' });
  await expect.poll(async () => (await fetch(`http://localhost:${port}/`).catch(() => undefined))?.ok ?? false, { timeout: 30_000 }).toBe(true);
});
test.afterAll(() => {
  server?.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/**
 * The structure publishes A 2.0.0: 1.0.0 copied under versions/1.0.0/ first, then the question
 * « sms-banque » renamed « sms-arnaque » (its answers become answers to a question 2.0.0 does not
 * have) and the e-mail question reworded; the build's questionnaire step checks and ships it.
 */
function publishVersion2(): string {
  const source = mkdtempSync(join(tmpdir(), 'reperes-versions-src-'));
  for (const id of ['exemple', 'rester-en-contact']) cpSync(join(ROOT, 'questionnaires', id), join(source, id), { recursive: true });
  const a = join(source, 'exemple');
  const archive = join(a, 'versions', '1.0.0');
  mkdirSync(archive, { recursive: true });
  cpSync(join(a, 'questionnaire.json'), join(archive, 'questionnaire.json'));
  cpSync(join(a, 'locales'), join(archive, 'locales'), { recursive: true });
  const structure = readFileSync(join(a, 'questionnaire.json'), 'utf8').replaceAll('"sms-banque"', '"sms-arnaque"').replace('"version": "1.0.0"', '"version": "2.0.0"');
  writeFileSync(join(a, 'questionnaire.json'), structure);
  for (const file of readdirSync(join(a, 'locales'))) {
    const path = join(a, 'locales', file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('"sms-banque"', '"sms-arnaque"').replace('Envoyer un courriel :', 'Écrire un courriel à un organisme :').replace('Un SMS vous demande votre code bancaire.', 'Un SMS vous demande de payer une amende.'));
  }
  const built = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-questionnaires.ts'), source, folder], { cwd: ROOT, encoding: 'utf8' });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  rmSync(source, { recursive: true, force: true });
  return built.stdout;
}

const A_V1 = { bienvenue: [], equipement: ['smartphone'], 'usage-internet': 'parfois', courriel: 'seul', 'demarches-en-ligne': 'avec-aide', 'sms-banque': 'supprimer', urgence: 'non' };
const B = { appareil: 'smartphone', message: 'seul', photo: 'avec-aide', 'appel-video': 'ne-sais-pas-faire', arnaque: 'verifier', envie: 'oui' };

/** Answers a professional run with digits and Enter (an information screen: Enter alone). */
async function proRun(page: Page, answers: Record<string, string | string[]>): Promise<void> {
  await expect(page.locator('.pro-run')).toBeVisible();
  for (let step = 0; step < 20; step++) {
    if ((await page.locator('.pro-run').count()) === 0) return;
    await expect(proHeading(page)).toBeFocused();
    const id = await currentStep(page);
    const wanted = answers[id];
    if (wanted === undefined) throw new Error(`no answer for ${id}`);
    const values = [wanted].flat().length ? await proOptionValues(page, id) : [];
    for (const option of [wanted].flat()) await page.keyboard.press(String(values.indexOf(option) + 1));
    await page.keyboard.press('Enter');
    await expect(page.locator('.pro-run__saved, .pro-view')).toBeVisible();
  }
  throw new Error('the run never ended');
}

async function unlock(page: Page): Promise<void> {
  // A new visit, after the publication (a change of hash alone would not reload the page).
  await page.goto('about:blank');
  await page.goto('./#/pro');
  await expect(h1(page)).toHaveText('Espace professionnel verrouillé', { timeout: 20_000 });
  await tabTo(page, page.getByRole('textbox', { name: 'Phrase de passe' }));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: "Sections de l'espace professionnel" })).toBeVisible();
}

async function openRecord(page: Page, code: string): Promise<void> {
  await section(page, 'Dossiers', 'Dossiers de cet appareil');
  await press(page, page.getByRole('button', { name: new RegExp(`Ouvrir le dossier ${code}`) }).first());
  await expect(h1(page)).toContainText(`Diagnostic ${code}`);
  await expect(h1(page)).toBeFocused();
}

const answerRow = (page: Page, question: string | RegExp) => page.locator('.pro-answers tbody tr').filter({ has: page.getByRole('rowheader', { name: question }) });

test('a record made with A 1.0.0 opens as it was made after A 2.0.0 ships and B becomes the default; history and observatory keep them apart', async ({ page }) => {
  // Key derivations (PBKDF2, 600,000 rounds) and two runs on a shared 2-core machine.
  test.setTimeout(240_000);

  // 1. A professional record with A 1.0.0, the device's questionnaire for now.
  await page.goto('./#/pro');
  // The first visit loads the space and checks the edited settings.json in full (slow when the machine is busy).
  await expect(h1(page)).toHaveText('Choisir une phrase de passe', { timeout: 20_000 });
  await setPassphrase(page, PASSPHRASE);
  const code = await page.getByLabel('Code de la personne').inputValue();
  await press(page, page.getByRole('button', { name: "Commencer l'entretien" }));
  await proRun(page, A_V1);
  await expect(h1(page)).toContainText(`Diagnostic ${code}`);
  await expect(page.getByText("Fait avec la version 1.0.0 du questionnaire « Questionnaire d'exemple ».")).toBeVisible();
  const profile = (await page.locator('.pro-view__profile').textContent()) ?? '';
  expect(profile).not.toBe('');
  const areas = await page.locator('.pro-table').first().locator('tbody').innerText();

  // 2. A 2.0.0 published by the build's questionnaire step; B made the default.
  expect(publishVersion2()).toMatch(/exemple 2\.0\.0 \(\+ 1\.0\.0\)/);
  settings('rester-en-contact');
  const index = JSON.parse(readFileSync(join(folder, 'questionnaires', 'index.json'), 'utf8')) as { id: string; version: string }[];
  expect(index.find((e) => e.id === 'exemple')?.version).toBe('2.0.0');

  // 3. The old record: its version said, its own texts, every answer, the same outcome.
  await unlock(page);
  await openRecord(page, code);
  await expect(page.getByText("Fait avec la version 1.0.0 du questionnaire « Questionnaire d'exemple ».")).toBeVisible();
  await expect(page.getByText("La version actuelle est la 2.0.0 : ce diagnostic s'affiche avec les textes et le calcul de la version 1.0.0, avec lesquels il a été fait.")).toBeVisible();
  await expect(page.locator('.pro-view__profile')).toHaveText(profile);
  expect(await page.locator('.pro-table').first().locator('tbody').innerText()).toBe(areas);
  await expect(answerRow(page, 'Envoyer un courriel :')).toContainText('Seul·e');
  await expect(answerRow(page, 'Un SMS vous demande votre code bancaire. Que faites-vous ?')).toContainText('Je le supprime');
  await expect(page.getByText('Écrire un courriel à un organisme')).toHaveCount(0);
  await expect(page.locator('.pro-answers tbody tr')).toHaveCount(Object.keys(A_V1).length - 1);
  await expectNoAxeViolations(page, 'record made with an older version');
  for (const [name, width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `versions-old-record-${name}`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  // The person's view and the referral sheet use the same version.
  await press(page, page.getByRole('button', { name: 'Fiche de liaison' }));
  await expect(h1(page)).toHaveText('Fiche de liaison');
  await expect(page.locator('.pro-sheet')).toContainText("Questionnaire d'exemple (version 1.0.0)");
  await expect(page.locator('.pro-sheet')).toContainText(profile);
  await press(page, page.getByRole('button', { name: 'Vue professionnelle' }));

  // 4. A diagnostic with B for the same code: its history keeps A's record apart.
  await press(page, page.getByRole('button', { name: `Nouveau diagnostic pour ${code}` }));
  await expect(page.getByLabel('Code de la personne')).toHaveValue(code);
  await press(page, page.getByRole('button', { name: "Commencer l'entretien" }));
  await proRun(page, B);
  await expect(h1(page)).toContainText(`Diagnostic ${code}`);
  await expect(page.getByText('Fait avec la version 1 du questionnaire « Rester en contact avec ses proches ».')).toBeVisible();
  const own = page.locator('.pro-history').first();
  await expect(own.getByRole('heading', { name: `Progrès de ${code}` })).toBeVisible();
  await expect(own).toContainText('Questionnaire « Rester en contact avec ses proches », version 1.');
  await expect(own.getByRole('table').locator('thead th')).toHaveCount(2);
  await expect(own).not.toContainText('Courriel');
  const apart = page.getByRole('region', { name: `Autres diagnostics de ${code}` });
  await expect(apart).toContainText('leurs scores ne se comparent pas');
  await expect(apart.getByRole('heading', { name: "« Questionnaire d'exemple », version 1.0.0", level: 3 })).toBeVisible();
  await expect(apart.getByRole('table').locator('thead th')).toHaveCount(2);
  await expect(apart.getByRole('table')).toContainText('Courriel');
  await expectNoAxeViolations(page, 'history of two questionnaires');
  await screenshot(page, 'versions-history-apart');

  // 5. The observatory counts both questionnaires, each in its own row (small counts masked, never 0).
  await section(page, 'Observatoire', 'Observatoire');
  const perQuestionnaire = page.getByRole('table', { name: /Diagnostics terminés par questionnaire/ });
  await expect(perQuestionnaire.getByRole('row', { name: /Rester en contact avec ses proches/ })).toContainText('masqué');
  await expect(perQuestionnaire.getByRole('row', { name: /Questionnaire d'exemple/ })).toContainText('masqué');
  await expectNoAxeViolations(page, 'observatory with two questionnaires');
  await screenshot(page, 'versions-observatory');
});
