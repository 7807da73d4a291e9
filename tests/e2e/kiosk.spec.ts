// The self-test on a kiosk, in a real browser: complete runs to each profile, keyboard only, axe,
// the idle wipe, the printed roadmap, the QR link, and nothing left for the next person.
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures.ts';
import { answer, answerIds, currentStep, goOn, persona, PERSONAS, runThrough, screenHeading, START_TITLE, startAndRun, storedSessions } from './runs.ts';

// The runs go through the real default questionnaire (settings.json: autonomie-numerique), with
// the answers of the personas of tests/questionnaires/autonomie-numerique-personas.test.ts.

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function openStart(page: Page) {
  await page.goto('./');
  await expect(h1(page)).toHaveText(START_TITLE);
}

test.describe('kiosk self-test', () => {
  const problems = new WeakMap<Page, string[]>();
  test.beforeEach(({ page }) => {
    const seen: string[] = [];
    problems.set(page, seen);
    page.on('pageerror', (error) => seen.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) seen.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().includes('settings.json')) seen.push(`${response.status()} ${response.url()}`);
    });
  });
  test.afterEach(({ page }) => {
    // Nothing the strict Content-Security-Policy refused, no uncaught error.
    expect(problems.get(page) ?? []).toEqual([]);
  });

  for (const run of PERSONAS) {
    test(`a complete run ends in the profile ${run.profile} (${run.name})`, async ({ page }) => {
      await openStart(page);
      await startAndRun(page, run.answers, async (_question, i) => {
        if (run.profile === 'presque-autonome' && i < 2) await screenshot(page, `kiosk-question-${i + 1}`);
      });
      await expect(h1(page)).toHaveText(run.title);
      await expect(page.getByText('Ce n\'est pas une décision', { exact: false })).toBeVisible();
      await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
      await screenshot(page, `kiosk-result-${run.profile}`);
    });
  }

  test('a run with the keyboard only', async ({ page }) => {
    await openStart(page);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const tabTo = async (name: RegExp) => {
      for (let i = 0; i < 15 && !name.test(await focused()); i++) await page.keyboard.press('Tab');
      expect(await focused()).toMatch(name);
    };
    // The language buttons work from the keyboard: easy-read French, then back to French.
    await tabTo(/^Français facile à lire$/);
    await page.keyboard.press('Enter');
    await expect(page.locator('button[lang="fr-FALC"]')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Français');
    await page.keyboard.press('Enter');
    await expect(page.locator('button[lang="fr"]')).toHaveAttribute('aria-pressed', 'true');
    await tabTo(/^Commencer$/);
    await page.keyboard.press('Enter');
    await expect(h1(page)).toContainText('Quels appareils');
    await expect(h1(page)).toBeFocused();
    // A digit ticks the answer with that number; Tab and Space tick another.
    await page.keyboard.press('1');
    // Past « un téléphone simple » and « une tablette » to « un ordinateur ».
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: /Un smartphone/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /Un ordinateur/ })).toBeChecked();
    await page.keyboard.press('Enter');
    // Arrows move within radio buttons.
    await expect(h1(page)).toBeFocused();
    expect(await currentStep(page)).toBe('utilisation-appareil');
    await page.keyboard.press('3');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('input[value="montrer"]')).toBeChecked();
    await page.keyboard.press('Enter');
    // The rest of Léa's run, a digit and Enter a screen.
    const lea = persona('autonome');
    for (let i = 0; i < 40; i++) {
      const question = await currentStep(page);
      if (question === 'result') break;
      await expect(h1(page)).toBeFocused();
      const given = lea.answers[question];
      if (typeof given === 'object' && !Array.isArray(given)) {
        // An exercise, once its screen is there (a person sees it before acting): Tab to the answer,
        // Enter; the focus moves to "Continuer", Enter again.
        await expect(page.locator('.exercise')).toBeVisible();
        for (const choice of given.choose) {
          for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.getAttribute('data-choice'))) !== choice; i++) await page.keyboard.press('Tab');
          await page.keyboard.press('Enter');
        }
        await expect(page.locator('.exercise')).toHaveAttribute('data-state', given.outcome);
        await expect(page.getByRole('button', { name: 'Continuer' })).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(page.locator('h1.question__title, h1.result__title')).not.toHaveAttribute('id', `q-${question}-title`);
        continue;
      }
      const wanted = answerIds(lea.answers, question);
      const values = await page.locator(`input[name="q-${question}"]`).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      for (const option of wanted) await page.keyboard.press(String(values.indexOf(option) + 1));
      await page.keyboard.press('Enter');
      await expect(page.locator('h1.question__title, h1.result__title')).not.toHaveAttribute('id', `q-${question}-title`);
    }
    await expect(h1(page)).toHaveText(lea.title);
    await expect(h1(page)).toBeFocused();
    await tabTo(/^Terminer et effacer$/);
    await page.keyboard.press('Enter');
    await expect(h1(page)).toHaveText(START_TITLE);
  });

  test('axe finds no violation on the start, question, result and dialog screens', async ({ page }) => {
    // Five axe passes and a whole run: 40 s on a quiet host, past 60 s on a busy one.
    test.setTimeout(120_000);
    await page.clock.install();
    await openStart(page);
    await expectNoAxeViolations(page, 'start');
    const nadia = persona('decouverte');
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, 'question with an error');
    await answer(page, nadia.answers, 'equipement');
    await goOn(page, 'equipement');
    await answer(page, nadia.answers, await currentStep(page));
    await expectNoAxeViolations(page, 'question');
    await page.clock.fastForward(91_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoAxeViolations(page, 'idle dialog');
    await page.getByRole('button', { name: 'Oui, je continue' }).click();
    await runThrough(page, nadia.answers);
    await expect(h1(page)).toHaveText(nadia.title);
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    await expectNoAxeViolations(page, 'result');
  });

  test('the kiosk forgets a person who walks away', async ({ page }) => {
    await page.clock.install();
    await openStart(page);
    const entries = await page.evaluate(() => history.length);
    await page.locator('button[lang="fr-FALC"]').click();
    await expect(page.locator('button[lang="fr-FALC"]')).toHaveAttribute('aria-pressed', 'true');
    await page.locator('.start__begin').click();
    await answer(page, persona('premiers-pas').answers, 'equipement');
    await expect.poll(() => storedSessions(page)).toBe(1);
    await page.clock.fastForward(60_000);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await page.clock.fastForward(31_000);
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button').first()).toBeFocused();
    await screenshot(page, 'kiosk-idle-dialog');
    await page.clock.fastForward(31_000);
    await expect(dialog).toHaveCount(0);
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect(page.locator('button[lang="fr"]')).toHaveAttribute('aria-pressed', 'true');
    // The idle reset wiped the stored run too.
    await expect.poll(() => storedSessions(page)).toBe(0);
    // No entry was ever pushed: going back leaves the app instead of showing the previous person.
    expect(await page.evaluate(() => ({ history: history.length, hash: location.hash }))).toEqual({ history: entries, hash: '' });
  });

  test('the result prints as a one-page roadmap', async ({ page }) => {
    await openStart(page);
    await startAndRun(page, persona('premiers-pas').answers);
    await expect(h1(page)).toHaveText('Premiers pas');
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Imprimer ma feuille de route' })).toBeHidden();
    await expect(page.getByText('Feuille de route', { exact: true })).toBeVisible();
    await screenshot(page, 'kiosk-result-print');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });

  test('the QR link reopens the same result, and nothing else', async ({ page, context }) => {
    await openStart(page);
    await startAndRun(page, persona('presque-autonome').answers);
    await expect(h1(page)).toHaveText('Presque autonome');
    const levels = await page.locator('.area').allTextContents();
    const url = await page.getByRole('img', { name: /QR code/ }).getAttribute('data-url');
    expect(url).toMatch(/#\/r\?q=autonomie-numerique&p=presque-autonome&a=.+&l=fr$/);
    expect(new URL(url ?? '').search).toBe('');
    const phone = await context.newPage();
    const requests: string[] = [];
    phone.on('request', (r) => requests.push(r.url()));
    await phone.goto(url ?? '');
    await expect(h1(phone)).toHaveText('Presque autonome');
    expect(await phone.locator('.area').allTextContents()).toEqual(levels);
    await expect(phone.getByText(/ouvert depuis un QR code/)).toBeVisible();
    await expect(phone.getByRole('img', { name: /QR code/ })).toHaveCount(0);
    // The fragment never reaches the server.
    expect(requests.filter((r) => r.includes('presque-autonome'))).toEqual([]);
    await screenshot(phone, 'kiosk-shared-result');
  });

  test('the next person finds nothing: screen, history, storage', async ({ page }) => {
    await openStart(page);
    const entries = await page.evaluate(() => history.length);
    await startAndRun(page, persona('decouverte').answers);
    await expect(h1(page)).toHaveText('Découvrir le numérique');
    // While the result shows, it is kept (a reload shows it again); "Terminer et effacer" removes it.
    await expect.poll(() => storedSessions(page)).toBe(1);
    await page.getByRole('button', { name: 'Terminer et effacer' }).click();
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect(page.getByText('Découvrir le numérique')).toHaveCount(0);
    const state = await page.evaluate(async () => ({
      history: history.length,
      hash: location.hash,
      local: localStorage.length,
      session: sessionStorage.length,
    }));
    expect(state).toEqual({ history: entries, hash: '', local: 0, session: 0 });
    // Repères's database may stay, empty of people; Workbox's own bookkeeping (cache expiry) holds nothing about a person.
    await expect.poll(() => storedSessions(page)).toBe(0);
    // Back leaves the app (to the blank page before it), and coming forward shows the start screen.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.goForward();
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect(page.getByText('Découvrir le numérique')).toHaveCount(0);
    await page.getByRole('button', { name: 'Commencer' }).click();
    expect(await currentStep(page)).toBe('equipement');
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
  });

  test('screens at 320 px and 1280 px', async ({ page }) => {
    for (const [width, height] of [
      [320, 640],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await openStart(page);
      await screenshot(page, `kiosk-${width}-start`);
      await startAndRun(page, persona('premiers-pas').answers, async (_question, i) => {
        if (i < 2) await screenshot(page, `kiosk-${width}-question-${i + 1}`);
      });
      await expect(h1(page)).toHaveText('Premiers pas');
      await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
      await screenshot(page, `kiosk-${width}-result`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Terminer et effacer' }).click();
    }
  });

  test('text at 200 % reflows without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 800 });
    await openStart(page);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '225%';
    });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow(), 'start').toBeLessThanOrEqual(0);
    await screenshot(page, 'kiosk-zoom-start');
    await page.locator('.start__begin').click();
    const sophie = persona('presque-autonome');
    for (const question of ['equipement', 'utilisation-appareil']) {
      await answer(page, sophie.answers, question);
      await goOn(page, question);
    }
    await expect(h1(page)).toContainText('Étape 3 sur');
    expect(await overflow(), 'question').toBeLessThanOrEqual(0);
    await screenshot(page, 'kiosk-zoom-question');
  });

  test('a broken questionnaire file shows the validator\'s messages, never a white screen', async ({ page }) => {
    await page.route('**/questionnaires/autonomie-numerique/questionnaire.json*', async (route) => {
      const response = await route.fetch();
      const text = (await response.text()).replace('"start": "equipement"', '"start": "equipemen"');
      await route.fulfill({ response, body: text });
    });
    await page.goto('./');
    await expect(h1(page)).toHaveText(/Le questionnaire ne peut pas être affiché/);
    await expect(page.getByText(/autonomie-numerique\/questionnaire\.json — \$\.start : aucune question ne s'appelle « equipemen »/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
    await screenshot(page, 'kiosk-error-questionnaire');
    await expectNoAxeViolations(page, 'error');
  });

  test('a missing settings.json means the defaults, with a notice, and the real questionnaire, never the sample', async ({ page }) => {
    await page.route('**/settings.json*', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('./');
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect(page.getByRole('status')).toContainText('réglages par défaut');
    await screenshot(page, 'kiosk-settings-missing');
    await page.locator('.start__begin').click();
    await expect(screenHeading(page)).toHaveAttribute('id', 'q-equipement-title');
    // The shipped questionnaire's six languages, not the sample's two.
    await page.getByRole('button', { name: /Langue/ }).click();
    await expect(page.locator('.language-menu__option')).toHaveCount(6);
  });

  for (const [what, answer] of [
    ['a server error on settings.json', { status: 500, body: 'Internal error' }],
    ['a settings.json that names no questionnaire', { status: 200, contentType: 'application/json', body: JSON.stringify({ structure: 'Médiathèque', modes: ['kiosk'] }) }],
  ] as const) {
    test(`${what}: the real questionnaire, never the sample`, async ({ page }) => {
      await page.route('**/settings.json*', (route) => route.fulfill(answer));
      await page.goto('./');
      await page.locator('.start__begin').click();
      await expect(screenHeading(page)).toHaveAttribute('id', 'q-equipement-title');
      await expect(page.locator('h1.question__title')).not.toContainText('Bienvenue');
    });
  }
});
