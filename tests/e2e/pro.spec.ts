// The professional space, in the built app: a passphrase chosen on first use, an interview run with
// the keyboard alone (notes, who answered), the record encrypted in IndexedDB (read raw here), the
// printed referral sheet, a reload that shows nothing until the passphrase is given, a wrong
// passphrase, the idle lock, and axe on every screen.
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, test } from './fixtures.ts';
import { currentStep, doProExercise, EVERY_EXERCISE, expectMeaningfulFocus, persona, proHeading, proOptionValues, withExercises, type PersonaAnswers } from './runs.ts';

// A professional's device: settings.json enables the professional space (the shipped one does not).
test.use({ deviceSettings: PRO_SETTINGS, serviceWorkers: 'block' });

const PASSPHRASE = 'le chat dort sous la table';
const NOTE = 'Utilise le téléphone de sa fille';
const GENERAL = 'Très motivée, revoir dans un mois';

/** Presses Tab until the element has the focus (the keyboard's way there). */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function openSpace(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Commencer' })).toBeVisible();
  const link = page.getByRole('link', { name: 'Espace professionnel' });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
}

async function setPassphrase(page: Page): Promise<void> {
  await expect(h1(page)).toHaveText('Choisir une phrase de passe');
  await expect(page.getByText('si la phrase de passe est oubliée, les dossiers ne pourront plus être lus')).toBeVisible();
  await expectNoAxeViolations(page, 'passphrase set-up');
  await tabTo(page, page.getByLabel('Phrase de passe', { exact: true }));
  await page.keyboard.type(PASSPHRASE);
  await expect(page.getByText(/^Solidité : /)).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
}

/** Answers the whole interview with digits and Enter, leaving a note and an observation on the way. */
async function interview(page: Page, answers: PersonaAnswers): Promise<number> {
  await expect(page.locator('.pro-run')).toBeVisible();
  let steps = 0;
  for (; steps < 40; steps++) {
    if (await page.locator('.pro-run').count() === 0) break;
    await expect(proHeading(page)).toBeFocused();
    if (await doProExercise(page, answers)) continue;
    const id = await currentStep(page);
    const wanted = answers[id];
    if (wanted === undefined) throw new Error(`no answer for ${id}`);
    if (typeof wanted === 'object' && !Array.isArray(wanted)) throw new Error(`${id} is an exercise`);
    const values = await proOptionValues(page, id);
    for (const option of Array.isArray(wanted) ? wanted : [wanted]) {
      const index = values.indexOf(option);
      expect(index, `${id}: ${option}`).toBeGreaterThanOrEqual(0);
      await page.keyboard.press(String(index + 1));
    }
    if (id === 'equipement') {
      // A note on this question, then back to the question with Escape.
      await page.keyboard.press('n');
      await expect(page.getByLabel('Note sur cette question')).toBeFocused();
      await page.keyboard.type(NOTE);
      await page.keyboard.press('Escape');
      await page.keyboard.press('g');
      await page.keyboard.type(GENERAL);
      await page.keyboard.press('Escape');
    }
    if (id === 'utilisation-appareil') {
      await page.keyboard.press('o');
      await expect(page.getByRole('radio', { name: /le professionnel observe/ })).toBeChecked();
    }
    if (steps === 1) await expectNoAxeViolations(page, 'interview question');
    await page.keyboard.press('Enter');
    await expect(page.locator('.pro-run__saved, .pro-view')).toBeVisible();
  }
  return steps;
}

/** Every value of the vault store, bytes as latin-1 text, read with raw IndexedDB in the page. */
async function rawVault(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('reperes');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('vault', 'readonly');
          const all = tx.objectStore('vault').getAll();
          const keys = tx.objectStore('vault').getAllKeys();
          tx.oncomplete = () => {
            const text = (v: unknown): string =>
              ArrayBuffer.isView(v)
                ? new TextDecoder('latin1').decode(v as Uint8Array)
                : v instanceof ArrayBuffer
                  ? new TextDecoder('latin1').decode(v)
                  : v && typeof v === 'object'
                    ? Object.entries(v).map(([k, x]) => `${k}=${text(x)}`).join(';')
                    : String(v);
            db.close();
            resolve(`${keys.result.map(String).join('\n')}\n${all.result.map(text).join('\n')}`);
          };
        };
      }),
  );
}

test.describe('professional space', () => {
  test('the kiosk loads none of it: the space comes with import() when opened', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) scripts.push(path.replace(/^.*\/assets\//, ''));
    });
    await page.goto('./');
    await page.getByRole('button', { name: 'Commencer' }).click();
    await expect(page.locator('.question__title')).toBeFocused();
    expect(scripts.filter((s) => /pro-space|vault/.test(s))).toEqual([]);
    const before = scripts.length;
    // The route opens the space on a fresh load too (a run in progress or not).
    await page.goto('about:blank');
    await page.goto('./#/pro');
    await expect(h1(page)).toHaveText('Choisir une phrase de passe');
    expect(scripts.slice(before).filter((s) => s.startsWith('pro-space-'))).toHaveLength(1);
  });

  test('set the passphrase, run an interview with notes from the keyboard, then find it encrypted', async ({ page }) => {
    // Two whole interviews (exercises included) and several key derivations (PBKDF2, 600,000 rounds) on a shared 2-core machine.
    test.setTimeout(240_000);
    await openSpace(page);
    await setPassphrase(page);

    await expect(h1(page)).toHaveText('Nouveau diagnostic');
    await expect(h1(page)).toBeFocused();
    await expectNoAxeViolations(page, 'new diagnostic');
    await screenshot(page, 'pro-new-diagnostic');
    const code = await page.getByLabel('Code de la personne').inputValue();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{3}$/);
    // No name field anywhere.
    await expect(page.getByLabel(/nom/i)).toHaveCount(0);
    await tabTo(page, page.getByLabel('Tranche d’âge (facultatif)').or(page.getByLabel("Tranche d'âge (facultatif)")));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('suivi RSA');
    await page.keyboard.press('Enter');

    await expect(page.locator('.pro-run')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Raccourcis clavier' })).toBeVisible();
    await screenshot(page, 'pro-interview');
    const steps = await interview(page, persona('premiers-pas').answers);
    expect(steps).toBeGreaterThan(10);

    // The professional view.
    await expect(h1(page)).toContainText(`Diagnostic ${code}`);
    await expect(page.getByText('Premiers pas', { exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: NOTE })).toBeVisible();
    await expect(page.getByText(GENERAL)).toBeVisible();
    await expect(page.getByRole('row', { name: /^Utiliser un smartphone, une tablette ou un ordinateur/ })).toContainText('le professionnel observe');
    // The areas' table (the DSI-style level's table comes before it, beside the profile).
    await expect(page.locator('section[aria-labelledby="pro-areas-title"] table')).toContainText(/sur 100/);
    await expectNoAxeViolations(page, 'professional view');
    await screenshot(page, 'pro-view');

    // Nothing readable in IndexedDB: no code, note, label or answer id.
    const raw = await rawVault(page);
    expect(raw).toContain('meta');
    for (const secret of [code, code.replace('-', ''), 'Utilise', 'motivée', 'suivi RSA', 'equipement', 'smartphone', 'premiers-pas', 'utilisation-appareil', PASSPHRASE]) {
      expect(raw, secret).not.toContain(secret);
    }

    // The person's view is the kiosk result.
    await page.getByRole('button', { name: 'Vue de la personne' }).click();
    await expect(page.getByRole('heading', { name: 'Vos repères, domaine par domaine' })).toBeVisible();
    await expectNoAxeViolations(page, "person's view");
    await page.getByRole('button', { name: 'Revenir à la vue professionnelle' }).click();
    await expect(h1(page)).toContainText(`Diagnostic ${code}`);

    // The referral sheet: the chosen note, no name, one printed page.
    const onSheet = page.getByRole('checkbox', { name: 'Sur la fiche de liaison' }).first();
    await tabTo(page, onSheet);
    await page.keyboard.press('Space');
    await expect(onSheet).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Fiche de liaison' }));
    await page.keyboard.press('Enter');
    await expect(h1(page)).toHaveText('Fiche de liaison');
    await expectNoAxeViolations(page, 'referral sheet');
    const sheet = page.locator('.pro-sheet');
    await expect(sheet).toContainText(code);
    await expect(sheet).toContainText('Premiers pas');
    await expect(sheet).toContainText('Espace public numérique');
    await expect(sheet).toContainText(NOTE);
    await expect(sheet).not.toContainText(GENERAL);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Imprimer la fiche de liaison' })).toBeHidden();
    await expect(page.getByRole('navigation')).toBeHidden();
    await screenshot(page, 'pro-referral-sheet-print');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });

    // A reload: locked, nothing shown until the passphrase is given.
    await page.reload();
    await expect(h1(page)).toHaveText('Espace professionnel verrouillé');
    await expect(page.getByText(code)).toHaveCount(0);
    await expectNoAxeViolations(page, 'unlock');
    await screenshot(page, 'pro-locked');
    await tabTo(page, page.getByRole('textbox', { name: 'Phrase de passe' }));
    await page.keyboard.type('une mauvaise phrase');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Phrase de passe incorrecte. Nouvel essai possible dans 1 seconde.');
    await expect(page.getByText(code)).toHaveCount(0);
    await page.waitForTimeout(1100);
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: "Sections de l'espace professionnel" })).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Dossiers' }));
    await page.keyboard.press('Enter');
    await expect(h1(page)).toHaveText('Dossiers de cet appareil');
    await page.keyboard.press('Tab');
    await page.keyboard.type(code.slice(0, 3).toLowerCase());
    await expect(page.getByRole('rowheader', { name: code })).toBeVisible();
    await expectNoAxeViolations(page, 'records');
    await screenshot(page, 'pro-records');

    // A second interview for the same code: the history draws both.
    await tabTo(page, page.getByRole('button', { name: new RegExp(`Ouvrir le dossier ${code}`) }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: `Nouveau diagnostic pour ${code}` }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Code de la personne')).toHaveValue(code);
    await tabTo(page, page.getByRole('button', { name: "Commencer l'entretien" }));
    await page.keyboard.press('Enter');
    await interview(page, persona('presque-autonome').answers);
    await expect(h1(page)).toContainText(`Diagnostic ${code}`);
    await expect(page.getByRole('heading', { name: `Progrès de ${code}` })).toBeVisible();
    await expect(page.locator('.pro-chart svg')).toHaveCount(6);
    await expect(page.getByRole('table', { name: new RegExp(`Scores de ${code}`) }).locator('thead th')).toHaveCount(3);
    await expectNoAxeViolations(page, 'history');
    await screenshot(page, 'pro-history');
    // On a phone-sized screen the professional view wraps, never scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'pro-history-360');
    await page.setViewportSize({ width: 1280, height: 720 });

    // Locked on demand: nothing left on screen.
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await expect(h1(page)).toHaveText('Espace professionnel verrouillé');
    await expect(page.getByText(code)).toHaveCount(0);
  });

  test('locks itself after 10 minutes without activity; the kiosk never touches the vault', async ({ page }) => {
    await page.clock.install();
    await openSpace(page);
    await setPassphrase(page);
    await expect(h1(page)).toHaveText('Nouveau diagnostic');
    await expect(page.getByText('Verrouillage automatique après 10 minutes sans activité.')).toBeVisible();
    await page.clock.fastForward(9 * 60_000);
    await expect(h1(page)).toHaveText('Nouveau diagnostic');
    await page.clock.fastForward(61_000);
    await expect(h1(page)).toHaveText('Espace professionnel verrouillé');
    await expect(page.getByText("L'espace s'est verrouillé après 10 minutes sans activité.")).toBeVisible();

    // Leaving for the kiosk and its wipe: the vault is still there, still locked.
    await page.getByRole('button', { name: "Quitter l'espace professionnel" }).click();
    await expect(page.getByRole('button', { name: 'Commencer' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.keyboard.press('1');
    await page.clock.fastForward(91_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.clock.fastForward(31_000);
    await expect(page.getByRole('button', { name: 'Commencer' })).toBeVisible();
    expect(await rawVault(page)).toContain('meta');
    await page.getByRole('link', { name: 'Espace professionnel' }).click();
    await expect(h1(page)).toHaveText('Espace professionnel verrouillé');
  });

  test('a forgotten passphrase: a deliberate reset that says what is lost; erasing otherwise needs the passphrase', async ({ page }) => {
    await openSpace(page);
    await setPassphrase(page);
    await expect(h1(page)).toHaveText('Nouveau diagnostic');
    await tabTo(page, page.getByRole('button', { name: "Commencer l'entretien" }));
    await page.keyboard.press('Enter');
    await expect(page.locator('.pro-run')).toBeVisible();
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await expect(h1(page)).toHaveText('Espace professionnel verrouillé');

    // Erasing with a wrong passphrase erases nothing.
    await tabTo(page, page.getByRole('button', { name: 'Effacer avec la phrase de passe' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Effacer toutes les données professionnelles de cet appareil' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('pas la bonne phrase');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(/^Phrase de passe incorrecte/);
    expect(await rawVault(page)).toContain('records/');

    // The reset: what is lost, what can restore it, and a word to type before the button works.
    await tabTo(page, page.getByRole('button', { name: 'Tout effacer et recommencer' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Ce qui sera perdu' })).toBeFocused();
    await expect(page.getByText('1 dossier de cet appareil sera effacé, avec ses codes et ses notes.')).toBeVisible();
    await expect(page.getByText("Aucune sauvegarde n'a été faite depuis cet appareil.")).toBeVisible();
    await expect(page.getByText(/le serveur de votre équipe pourra les rendre/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tout effacer définitivement' })).toBeDisabled();
    await expectNoAxeViolations(page, 'reset for a forgotten passphrase');
    for (const [name, width, height] of [['phone', 360, 740], ['tablet-portrait', 800, 1280], ['tablet-landscape', 1280, 800], ['desktop', 1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await screenshot(page, `pro-door-reset-${name}`);
    }
    await tabTo(page, page.getByLabel('Pour confirmer, tapez le mot EFFACER'));
    await page.keyboard.type('effacer');
    await page.keyboard.press('Enter');
    await expect(h1(page)).toHaveText('Choisir une phrase de passe');
    await expect(page.getByText('Les données professionnelles de cet appareil ont été effacées.')).toBeVisible();
    expect((await rawVault(page)).trim()).toBe('');
  });
  test('an interview passes every kind of exercise, with the keyboard alone or the mouse: recorded as passed, never failed', async ({ page }) => {
    test.setTimeout(180_000);
    const ways = ['key S', 'mouse', 'Tab and Enter'] as const;
    /** One interview along EVERY_EXERCISE, every exercise passed in turn by each way; the exercises met. */
    const passEvery = async (): Promise<string[]> => {
      const passed: string[] = [];
      for (let step = 0; step < 40 && (await page.locator('.pro-run').count()) > 0; step++) {
        await expect(proHeading(page)).toBeFocused();
        const id = await currentStep(page);
        if (id.startsWith('exercice-')) {
          await expect(page.locator(`.exercise[data-question="${id}"]`)).toHaveAttribute('data-state', 'running');
          const way = ways[passed.length % ways.length];
          const skip = page.getByRole('button', { name: /Je préfère passer/ });
          if (way === 'key S') await page.keyboard.press('s');
          else if (way === 'mouse') await skip.click();
          else {
            await tabTo(page, skip);
            await page.keyboard.press('Enter');
          }
          passed.push(id);
          await expect(proHeading(page)).not.toHaveAttribute('id', `q-${id}-title`);
          await expect(page.locator('.question__error')).toHaveCount(0);
          await expectMeaningfulFocus(page, `passing ${id} (${way})`);
          continue;
        }
        const values = await proOptionValues(page, id);
        for (const option of [EVERY_EXERCISE[id] as string | string[]].flat()) await page.keyboard.press(String(values.indexOf(option) + 1));
        await page.keyboard.press('Enter');
        await expectMeaningfulFocus(page, `answering ${id}`);
      }
      await expect(h1(page)).toContainText('Diagnostic');
      return passed;
    };
    const expectPassed = async (ids: string[]) => {
      for (const id of ids) await expect(page.locator(`tr[data-row="${id}"]`)).toContainText('passé : la personne a préféré ne pas le faire');
      await expect(page.locator('table.pro-answers')).toBeVisible();
      await expect(page.locator('table.pro-answers')).not.toContainText('pas réussi');
    };
    // The default questionnaire's kinds, with drag-drop and scroll-find in place of touch and typing.
    await withExercises(page, {
      'exercice-toucher': { type: 'drag-drop', scores: { 'prise-en-main': 4 } },
      'exercice-ecrire': { type: 'scroll-find', scores: { 'prise-en-main': 4 } },
    });
    await openSpace(page);
    await setPassphrase(page);
    await tabTo(page, page.getByRole('button', { name: "Commencer l'entretien" }));
    await page.keyboard.press('Enter');
    const first = await passEvery();
    // The longest branch meets four exercises (touch as drag-drop, double-click, typing as scroll-find, scam);
    // the official site belongs to the branch of people who go online alone.
    expect(first).toEqual(['exercice-toucher', 'exercice-double-clic', 'exercice-ecrire', 'exercice-arnaque']);
    await expectPassed(first);
    // Then touch and typing, as shipped.
    await page.unrouteAll();
    await page.reload();
    await tabTo(page, page.getByRole('textbox', { name: 'Phrase de passe' }));
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await expect(h1(page)).toHaveText('Nouveau diagnostic');
    await tabTo(page, page.getByRole('button', { name: "Commencer l'entretien" }));
    await page.keyboard.press('Enter');
    const second = await passEvery();
    expect(second).toEqual(expect.arrayContaining(['exercice-toucher', 'exercice-ecrire']));
    await expectPassed(second);
  });
});

test.describe('a kiosk with the shipped settings', () => {
  test.use({ deviceSettings: null, serviceWorkers: 'allow' });

  test('offers no professional space: no link, and #/pro opens the start screen, never the passphrase set-up', async ({ page }) => {
    // The shipped file offers two questionnaires: the start screen lists them.
    const start = page.getByRole('region', { name: 'Choisissez un questionnaire' }).getByRole('button').first();
    await page.goto('./');
    await expect(start).toBeVisible();
    await expect(page.getByRole('link', { name: 'Espace professionnel' })).toHaveCount(0);
    await page.goto('about:blank');
    await page.goto('./#/pro');
    await expect(start).toBeVisible();
    await expect(page.getByText('Choisir une phrase de passe')).toHaveCount(0);
    await expect(page.getByLabel('Phrase de passe')).toHaveCount(0);
  });
});
