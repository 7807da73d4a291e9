// Workshops, places and the observatory, in the built app, with the keyboard: the EPN animator
// imports the workshop catalogue and the local places, runs a diagnostic in workshop mode, places
// the learner in a suggested workshop, exports the group as CSV (its content checked); a kiosk
// run names the fitting places and is counted as an anonymous tally, which the kiosk wipe leaves;
// the observatory shows both runs. axe on every screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, test } from './fixtures.ts';
import { h1, openSpace, press, proRun, section, setPassphrase as choosePassphrase, tabTo } from './pro-helpers.ts';
import { persona, startAndRun } from './runs.ts';

// A professional's device: settings.json enables the professional space (the shipped one does not).
test.use({ deviceSettings: PRO_SETTINGS, serviceWorkers: 'block' });

const PASSPHRASE = 'la pluie tombe sur le toit';
const DOCS = join(import.meta.dirname, '..', '..', 'docs');

test('place a learner in a workshop, export the group as CSV, count kiosk and professional runs in the observatory', async ({ page }) => {
  // A whole interview (exercises included), several key derivations (PBKDF2, 600,000 rounds) and a kiosk run on a shared 2-core machine that other jobs load.
  test.setTimeout(240_000);
  await openSpace(page);
  await choosePassphrase(page, PASSPHRASE);

  // The catalogue: imported from the example file, with the keyboard up to the file input.
  await section(page, 'Ateliers', "Catalogue d'ateliers");
  await tabTo(page, page.getByLabel('Importer un catalogue (fichier JSON)'));
  await page.getByLabel('Importer un catalogue (fichier JSON)').setInputFiles(join(DOCS, 'workshops.example.json'));
  await expect(page.getByRole('status').filter({ hasText: '5 ateliers importés.' })).toBeVisible();
  // And one more added by hand, keyboard only.
  await press(page, page.getByRole('button', { name: 'Ajouter un atelier' }));
  await expect(page.getByRole('heading', { name: 'Nouvel atelier' })).toBeFocused();
  // Saved empty: each error is said, and tied to its field (aria-invalid, described by the error).
  await press(page, page.getByRole('button', { name: "Enregistrer l'atelier" }));
  await expect(page.getByRole('alert')).toBeVisible();
  const titleField = page.locator('#pro-workshop-title');
  await expect(titleField).toHaveAttribute('aria-invalid', 'true');
  await expect(titleField).toHaveAccessibleDescription(/Titre/);
  await expect(page.locator('#pro-workshop-areas')).toHaveAccessibleDescription(/domaine/i);
  await expectNoAxeViolations(page, 'workshop form with errors');
  await titleField.focus();
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
  // A place saved empty: its errors tied to their fields, axe clean; then left without saving.
  await press(page, page.getByRole('button', { name: 'Ajouter un lieu' }));
  await press(page, page.getByRole('button', { name: 'Enregistrer le lieu' }));
  await expect(page.locator('#pro-place-nom')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'place form with errors');
  await press(page, page.getByRole('button', { name: 'Annuler' }));
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
  // Two diagnostics: fewer than five, so every number is hidden (never shown as 0), and said so.
  await expect(page.getByText(/^Moins de 5 diagnostics du .* : tous les nombres sont masqués/)).toBeVisible();
  const modes = page.getByRole('region', { name: 'Par mode' });
  for (const mode of ['Borne', 'Entretien', 'Atelier']) await expect(modes.getByRole('row', { name: `${mode} masqué` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Par profil' }).getByRole('img')).toHaveAttribute('aria-label', /Découvrir le numérique : masqué ; Premiers pas : masqué/);
  await expectNoAxeViolations(page, 'observatory');
  await screenshot(page, 'pro-observatory');
  const [figures] = await Promise.all([page.waitForEvent('download'), press(page, page.getByRole('button', { name: 'Exporter ces nombres (fichier CSV)' }))]);
  const text = readFileSync((await figures.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
  expect(text.split('\r\n')[0]).toBe('Début de période;Fin de période;Questionnaire;Indicateur;Catégorie;Valeur;Effectif;Note');
  expect(text).toMatch(/\r\n[\d-]+;[\d-]+;Votre autonomie numérique;Mode;Borne;;;masqué \(secret statistique\)\r\n/);
  expect(text).not.toContain(code);
});

test('a file far bigger than a catalogue is refused at once, with the reason and the limit', async ({ page }) => {
  test.setTimeout(120_000);
  await openSpace(page);
  await choosePassphrase(page, PASSPHRASE);
  await section(page, 'Ateliers', "Catalogue d'ateliers");
  const workshop = { title: 'Atelier', areas: ['internet'], level: 'debutant', durationMinutes: 60, capacity: 8, place: 'x'.repeat(400) };
  const big = JSON.stringify({ workshops: Array.from({ length: 5000 }, (_, i) => ({ ...workshop, id: `atelier-${i}` })) });
  await page.getByLabel('Importer un catalogue (fichier JSON)').setInputFiles({ name: 'ateliers.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/ateliers\.json — \$ : ce fichier pèse \d+ Mo ; 1 Mo au plus sont acceptés\./);
  await expect(alert).toContainText("Le fichier n'a pas été importé : rien n'a changé.");
  await expectNoAxeViolations(page, 'catalogue too large');
  await screenshot(page, 'pro-workshops-too-large');
});
