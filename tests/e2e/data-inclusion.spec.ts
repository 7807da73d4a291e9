// Places from data·inclusion, in the built app: the professional imports the example structures
// and services (docs/data-inclusion/, written from the published schema v1) with the keyboard,
// a broken file is refused whole with its problems as plain text, and a kiosk result then names
// the imported places under « Près d'ici ». axe and screenshots on the way.
import { join } from 'node:path';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, test } from './fixtures.ts';
import { openSpace, press, section, setPassphrase, tabTo, VIEWPORTS } from './pro-helpers.ts';
import { persona, startAndRun } from './runs.ts';

test.use({ deviceSettings: PRO_SETTINGS, serviceWorkers: 'block' });

const PASSPHRASE = 'des lieux pour tout le quartier';
const EXAMPLES = join(import.meta.dirname, '..', '..', 'docs', 'data-inclusion');
const NAMES = ['Médiathèque des Tilleuls', 'France services de la Gare', 'Association Clic Solidaire', 'Centre social Jean-Jaurès'];

test('import a data·inclusion example, refuse a broken one, see the places on a kiosk result', async ({ page }) => {
  test.setTimeout(180_000);
  await openSpace(page);
  await setPassphrase(page, PASSPHRASE);
  await section(page, 'Lieux', 'Lieux proches');

  // A broken file first: refused whole, its problems as text (the markup in the name is never markup).
  const input = page.getByLabel('Fichiers data·inclusion (JSON ou CSV)');
  await tabTo(page, input);
  await input.setInputFiles({
    name: 'structures.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([{ source: 'x', id: 'x--1', nom: '<img src=x onerror="document.title=\'pris\'">EPN', date_maj: '2026-10-01', reseaux_porteurs: ['espaces-publics-numerique'] }])),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Les fichiers n'ont pas été importés : rien n'a changé.");
  await expect(alert.getByRole('listitem')).toHaveText([
    /^structures\.json — \$\[0\]\.reseaux_porteurs\[0\] : « espaces-publics-numerique » n'est pas une valeur de « reseaux_porteurs ».* Vouliez-vous dire « espaces-publics-numeriques » \?$/,
  ]);
  await expect(page.locator('.pro-tools img')).toHaveCount(0);
  expect(await page.title()).not.toBe('pris');

  // The example files, both at once, in place of every place.
  // A radio group takes one Tab stop (the checked one); the arrows choose within it.
  await press(page, page.getByRole('radio', { name: /^Les garder/ }), 'ArrowDown');
  await expect(page.getByRole('radio', { name: 'Les remplacer tous par ceux du fichier' })).toBeChecked();
  await tabTo(page, input);
  await input.setInputFiles([join(EXAMPLES, 'structures.json'), join(EXAMPLES, 'services.json')]);
  await expect(page.getByRole('status').filter({ hasText: '4 lieux importés depuis data·inclusion (5 structures et 6 services lus' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(NAMES);
  await expectNoAxeViolations(page, 'places imported from data·inclusion');
  for (const [name, width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `pro-places-data-inclusion-${name}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // A kiosk result names them.
  await page.getByRole('button', { name: "Quitter l'espace professionnel" }).click();
  await expect(page.getByRole('button', { name: 'Commencer' })).toBeVisible();
  await startAndRun(page, persona('decouverte').answers);
  const nearby = page.getByRole('region', { name: "Près d'ici" });
  await expect(nearby.getByRole('heading', { level: 3 }).first()).toBeVisible();
  const shown = await nearby.getByRole('heading', { level: 3 }).allTextContents();
  for (const name of shown) expect(NAMES).toContain(name.trim());
  await expect(nearby).toContainText('Montreuil');
  await expectNoAxeViolations(page, 'kiosk result with data·inclusion places');
  await screenshot(page, 'kiosk-result-data-inclusion');
});
