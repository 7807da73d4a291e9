// Workshops, places and the observatory, in the built app, with the keyboard: the EPN animator
// imports the workshop catalogue and the local places, runs a diagnostic in workshop mode, places
// the learner in a suggested workshop, exports the group as CSV (its content checked); a kiosk
// run names the fitting places and is counted as an anonymous tally, which the kiosk wipe leaves;
// the observatory shows both runs. axe on every screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, test } from './fixtures.ts';
import { doProExercise, persona, startAndRun, type PersonaAnswers } from './runs.ts';

// A professional's device: settings.json enables the professional space (the shipped one does not).
test.use({ deviceSettings: PRO_SETTINGS, serviceWorkers: 'block' });

const PASSPHRASE = 'la pluie tombe sur le toit';
const DOCS = join(import.meta.dirname, '..', '..', 'docs');
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Presses Tab until the element has the focus (the keyboard's way there). */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function openSpace(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Commencer' })).toBeVisible();
  await press(page, page.getByRole('link', { name: 'Espace professionnel' }));
}

async function setPassphrase(page: Page): Promise<void> {
  await expect(h1(page)).toHaveText('Choisir une phrase de passe');
  await tabTo(page, page.getByLabel('Phrase de passe', { exact: true }));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Nouveau diagnostic');
}

async function section(page: Page, name: string, title: string): Promise<void> {
  await press(page, page.getByRole('navigation', { name: "Sections de l'espace professionnel" }).getByRole('button', { name, exact: true }));
  await expect(h1(page)).toHaveText(title);
  await expect(h1(page)).toBeFocused();
}

/** Answers the professional run with digits and Enter. */
async function proRun(page: Page, answers: PersonaAnswers): Promise<void> {
  await expect(page.locator('.pro-run')).toBeVisible();
  for (let step = 0; step < 40; step++) {
    if ((await page.locator('.pro-run').count()) === 0) return;
    await expect(page.locator('#pro-run-title')).toBeFocused();
    if (await doProExercise(page, answers)) continue;
    const name = (await page.locator('.pro-run input[name^="pro-q-"]').first().getAttribute('name')) ?? '';
    const id = name.replace(/^pro-q-/, '');
    const wanted = answers[id];
    if (wanted === undefined || (typeof wanted === 'object' && !Array.isArray(wanted))) throw new Error(`no answer for ${id}`);
    const values = await page.locator(`.pro-run input[name="pro-q-${id}"]`).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    for (const option of [wanted].flat()) await page.keyboard.press(String(values.indexOf(option) + 1));
    await page.keyboard.press('Enter');
    await expect(page.locator('.pro-run__saved, .pro-view')).toBeVisible();
  }
  throw new Error('the run never ended');
}

test('place a learner in a workshop, export the group as CSV, count kiosk and professional runs in the observatory', async ({ page }) => {
  // A whole interview (exercises included) and several key derivations (PBKDF2, 600,000 rounds) on a shared 2-core machine.
  test.setTimeout(120_000);
  await openSpace(page);
  await setPassphrase(page);

  // The catalogue: imported from the example file, with the keyboard up to the file input.
  await section(page, 'Ateliers', "Catalogue d'ateliers");
  await tabTo(page, page.getByLabel('Importer un catalogue (fichier JSON)'));
  await page.getByLabel('Importer un catalogue (fichier JSON)').setInputFiles(join(DOCS, 'workshops.example.json'));
  await expect(page.getByRole('status').filter({ hasText: '5 ateliers importés.' })).toBeVisible();
  // And one more added by hand, keyboard only.
  await press(page, page.getByRole('button', { name: 'Ajouter un atelier' }));
  await expect(page.getByRole('heading', { name: 'Nouvel atelier' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Le smartphone au quotidien');
  await press(page, page.getByRole('checkbox', { name: 'Utiliser un appareil' }), 'Space');
  await press(page, page.getByRole('button', { name: "Enregistrer l'atelier" }));
  await expect(page.getByRole('status').filter({ hasText: 'Atelier « Le smartphone au quotidien » enregistré.' })).toBeVisible();
  await expectNoAxeViolations(page, 'workshop catalogue');
  await screenshot(page, 'pro-workshops');

  // The local places, from the example in the national standard's vocabulary.
  await section(page, 'Lieux', 'Lieux proches');
  await tabTo(page, page.getByLabel('Importer des lieux (fichier JSON)'));
  await page.getByLabel('Importer des lieux (fichier JSON)').setInputFiles(join(DOCS, 'places.example.json'));
  await expect(page.getByRole('status').filter({ hasText: '4 lieux importés.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Association Passerelles' })).toBeVisible();
  await expectNoAxeViolations(page, 'places');
  await screenshot(page, 'pro-places');

  // A diagnostic in workshop mode.
  await section(page, 'Nouveau diagnostic', 'Nouveau diagnostic');
  const code = await page.getByLabel('Code de la personne').inputValue();
  // A radio group takes one Tab stop (the checked one); the arrows choose within it.
  await press(page, page.getByRole('radio', { name: 'Entretien' }), 'ArrowDown');
  await expect(page.getByRole('radio', { name: 'Placement en atelier' })).toBeChecked();
  await press(page, page.getByRole('button', { name: 'Commencer le diagnostic' }));
  await proRun(page, persona('premiers-pas').answers);
  await expect(h1(page)).toContainText(`Diagnostic ${code}`);

  // The result suggests workshops and places; the learner is placed in the first suggestion.
  const suggested = page.getByRole('region', { name: 'Ateliers proposés' });
  await expect(suggested.getByRole('heading', { level: 3 }).first()).toBeVisible();
  const title = (await suggested.getByRole('heading', { level: 3 }).first().textContent()) ?? '';
  await expect(page.getByRole('region', { name: 'Lieux qui correspondent' }).getByRole('heading', { level: 3 }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'professional result with suggestions');
  await screenshot(page, 'pro-placement');
  await press(page, suggested.getByRole('button', { name: `Placer ${code} dans « ${title} »` }));
  await expect(suggested.getByText(`${code} est placé dans cet atelier.`)).toBeVisible();

  // The group: the learner, their workshop; the CSV export says what it holds, and holds it.
  await section(page, 'Groupe', 'Groupe : placer les apprenants');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code }) });
  await expect(row).toContainText('Premiers pas');
  await expect(row).toContainText(title);
  await expectNoAxeViolations(page, 'group');
  await screenshot(page, 'pro-group');
  const exportButton = page.getByRole('button', { name: 'Exporter la liste du groupe (fichier CSV)' });
  await expect(exportButton).toHaveAccessibleDescription(/Une ligne par apprenant : code, date du diagnostic, profil, domaines à travailler, atelier/);
  await tabTo(page, exportButton);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^groupe-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('Code;Date du diagnostic;Profil;Domaines à travailler;Atelier;Niveau;Horaires;Lieu');
  const workshop = (JSON.parse(readFileSync(join(DOCS, 'workshops.example.json'), 'utf8')) as { workshops: { title: string; schedule: string; place: string }[] }).workshops.find((w) => w.title === title);
  const learner = lines.find((l) => l.startsWith(`${code};`))?.split(';') ?? [];
  expect(learner[2]).toBe('Premiers pas');
  expect(learner[3]).not.toBe('');
  expect(learner[4]).toBe(title);
  if (workshop) expect(learner.slice(6)).toEqual([workshop.schedule, workshop.place]);
  expect(lines.at(-1)).toBe('');

  // A kiosk run: the result names the fitting places; "Terminer et effacer" wipes the person, not the tally.
  await page.getByRole('button', { name: "Quitter l'espace professionnel" }).click();
  await expect(page.getByRole('button', { name: 'Commencer' })).toBeVisible();
  await startAndRun(page, persona('decouverte').answers);
  const nearby = page.getByRole('region', { name: "Près d'ici" });
  await expect(nearby.getByRole('heading', { level: 3 }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'kiosk result with places');
  await screenshot(page, 'kiosk-result-places');
  await page.getByRole('button', { name: 'Terminer et effacer' }).click();
  await expect(page.getByRole('button', { name: 'Commencer' })).toBeVisible();

  // The observatory: one kiosk tally and one workshop-mode record this week.
  await press(page, page.getByRole('link', { name: 'Espace professionnel' }));
  await tabTo(page, page.getByRole('textbox', { name: 'Phrase de passe' }));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await section(page, 'Observatoire', 'Observatoire');
  await expect(page.getByText(/^2 diagnostics du /)).toBeVisible();
  const modes = page.getByRole('region', { name: 'Par mode' });
  await press(page, modes.getByText('Voir les nombres en tableau'));
  await expect(modes.getByRole('row', { name: 'Borne 1' })).toBeVisible();
  await expect(modes.getByRole('row', { name: 'Atelier 1' })).toBeVisible();
  await expect(modes.getByRole('row', { name: 'Entretien 0' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Par profil' }).getByRole('img')).toHaveAttribute('aria-label', /Découvrir le numérique : 1 ; Premiers pas : 1/);
  await expectNoAxeViolations(page, 'observatory');
  await screenshot(page, 'pro-observatory');
  const [figures] = await Promise.all([page.waitForEvent('download'), press(page, page.getByRole('button', { name: 'Exporter ces nombres (fichier CSV)' }))]);
  const text = readFileSync((await figures.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
  expect(text.split('\r\n')[0]).toMatch(/^Repères — observatoire — Espace public numérique : nombres anonymes de diagnostics/);
  expect(text).toContain('\r\nPar mode;Borne;1\r\n');
  expect(text).not.toContain(code);
});
