// The field's formats where a professional meets them, in the built app, with the keyboard: three
// diagnostics (two interviews, one in workshop mode); the DSI-style level beside the profile of
// one; « Pour la Coop »: the autonomy table changed, the export downloaded and read line by line;
// the observatory's DSI table, small cells masked. axe, and screenshots at four sizes.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, test } from './fixtures.ts';
import { h1, openSpace, press, proRun, section, setPassphrase, tabTo, VIEWPORTS } from './pro-helpers.ts';
import { persona } from './runs.ts';

// A professional's device: settings.json enables the professional space (the shipped one does not).
test.use({ deviceSettings: PRO_SETTINGS, serviceWorkers: 'block' });

const PASSPHRASE = 'trois diagnostics pour la coop';

const localDay = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A new diagnostic from the form: the mode, the age bracket (the n-th option, 0 for none), then the run. */
async function diagnose(page: Page, profile: Parameters<typeof persona>[0], workshop: boolean, ageOption: number): Promise<string> {
  await section(page, 'Nouveau diagnostic', 'Nouveau diagnostic');
  const code = await page.getByLabel('Code de la personne').inputValue();
  if (workshop) {
    await press(page, page.getByRole('radio', { name: 'Entretien' }), 'ArrowDown');
    await expect(page.getByRole('radio', { name: 'Placement en atelier' })).toBeChecked();
  }
  const age = page.getByLabel(/^Tranche d.âge \(facultatif\)$/);
  await tabTo(page, age);
  for (let i = 0; i < ageOption; i++) await page.keyboard.press('ArrowDown');
  await press(page, page.getByRole('button', { name: /^Commencer (l'entretien|le diagnostic)$/ }));
  await proRun(page, persona(profile).answers);
  await expect(h1(page)).toContainText(`Diagnostic ${code}`);
  return code;
}

test('three diagnostics: the DSI-style level beside the profile, the Coop export downloaded and read, the observatory table', async ({ page }) => {
  // Three whole runs (one with exercises) and key derivations (PBKDF2, 600,000 rounds) on a shared 2-core machine.
  test.setTimeout(300_000);
  await openSpace(page);
  await setPassphrase(page, PASSPHRASE);

  // Kévin (premiers pas, 26–44), in an interview: the level beside his profile, in words.
  const kevin = await diagnose(page, 'premiers-pas', false, 2);
  const dsi = page.getByRole('region', { name: 'Niveau européen (façon DSI 2.0)' });
  await expect(dsi).toBeVisible();
  await expect(dsi.getByText(/^Compétences (limitées|restreintes)$/)).toBeVisible();
  await expect(dsi.getByRole('row', { name: /^Information et données De base/ })).toBeVisible();
  await expect(dsi.getByRole('row', { name: /^Sécurité Aucune activité$/ })).toBeVisible();
  await expect(dsi.getByText(/Ce n'est pas une statistique officielle\./)).toBeVisible();
  await expectNoAxeViolations(page, 'professional view with the DSI level');
  await dsi.scrollIntoViewIfNeeded();
  await screenshot(page, 'pro-view-dsi');

  // Marcel (faire pour, 75 and over), in an interview; Nadia (découverte, no bracket), in workshop mode.
  const marcel = await diagnose(page, 'faire-pour', false, 5);
  await expect(page.getByRole('region', { name: 'Niveau européen (façon DSI 2.0)' }).getByText("Non évalué (n'utilise pas internet)")).toBeVisible();
  const nadia = await diagnose(page, 'decouverte', true, 0);

  // « Pour la Coop »: the three diagnostics, one click.
  await section(page, 'Pour la Coop', 'Exporter pour la Coop de la médiation numérique');
  await expect(page.getByText('3 lignes à exporter sur cette période.')).toBeVisible();
  await expectNoAxeViolations(page, 'Coop export');
  for (const [name, width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `pro-coop-${name}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // The structure counts a « découverte » as partly autonomous, with the keyboard (kept on the device).
  const decouverte = page.getByRole('combobox', { name: 'Découvrir le numérique' });
  await tabTo(page, decouverte);
  await decouverte.selectOption('partiellement_autonome');
  await expect(page.getByText('Table enregistrée sur cet appareil.')).toBeVisible();

  const exportButton = page.getByRole('button', { name: 'Exporter pour la Coop' });
  await expect(exportButton).toHaveAccessibleDescription(/3 lignes à exporter sur cette période\. Un fichier CSV/);
  await tabTo(page, exportButton);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const today = localDay();
  expect(download.suggestedFilename()).toBe(`coop-activites-${today}-${today}.csv`);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('date;type;participants;beneficiaire;type_lieu;duree;thematiques;autonomie;oriente_vers_structure;structure_de_redirection;tranche_age');
  // Line by line, in the order they were made; the durations are the runs' own, rounded up to 5 minutes.
  const row = (cells: string) => new RegExp(`^${today};individuel;1;anonyme;lieu_activite;\\d*[05];diagnostic_numerique;${cells}$`);
  expect(lines[1]).toMatch(row('partiellement_autonome;false;;non_communique'));
  expect(lines[2]).toMatch(row('entierement_accompagne;true;aide_aux_demarches_administratives;soixante_dix_plus'));
  expect(lines[3]).toMatch(row('partiellement_autonome;false;;non_communique'));
  expect(lines.slice(4)).toEqual(['']);
  for (const code of [kevin, marcel, nadia]) expect(text).not.toContain(code);
  await expect(page.getByText(`Fichier coop-activites-${today}-${today}.csv enregistré : 3 lignes.`)).toBeVisible();

  // The labelled variant: the Coop table's headings.
  await press(page, page.getByRole('radio', { name: 'Noms de l\'API de la Coop (pour un import)' }), 'ArrowDown');
  await expect(page.getByRole('radio', { name: 'Intitulés du tableau de la Coop (pour lire ou vérifier)' })).toBeChecked();
  await tabTo(page, exportButton);
  const [labelled] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const labelledLines = readFileSync((await labelled.path()) ?? '', 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(labelledLines[0]).toBe('Date;Type;Participants;Bénéficiaire;Canaux d’accompagnement;Durée (min);Thématique(s) d’accompagnement;Niveau d’autonomie (ou de l’atelier);Bénéficiaire réorienté;Structure de redirection;Tranche d’âge du bénéficiaire');
  expect(labelledLines[2]).toMatch(/^\d{2}\/\d{2}\/\d{4};Accompagnement individuel;1;Bénéficiaire anonyme;Lieu d’activité;\d+;Diagnostic numérique;1\/3;Oui;Structure d’aide aux démarches administratives \(France Services…\);70 ans et plus$/);

  // The observatory: the level by diagnostics, fewer than five in all, so every count is masked.
  await section(page, 'Observatoire', 'Observatoire');
  const table = page.getByRole('region', { name: 'Par niveau européen (façon DSI 2.0)' });
  await expect(table.getByRole('row', { name: "Non évalué (n'utilise pas internet) masqué" })).toBeVisible();
  await expect(table.getByRole('row', { name: 'Non calculé (borne) masqué' })).toBeVisible();
  await expect(table.getByText(/la borne ne le garde pas/)).toBeVisible();
  await expectNoAxeViolations(page, 'observatory with the DSI table');
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'pro-observatory-dsi');
});
