// The self-test on a kiosk, in a real browser: complete runs to each profile, keyboard only, axe,
// the idle wipe, the printed roadmap, the QR link, and nothing left for the next person.
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures.ts';

/** The answers (visible texts) screen by screen after the welcome screen, and the profile they lead to. */
const RUNS: { profile: string; title: string; answers: string[][] }[] = [
  { profile: 'faire-pour', title: 'Être accompagné pour vos démarches', answers: [['Aucun'], ['Jamais'], ['Non'], ['Non']] },
  { profile: 'decouverte', title: 'Découvrir le numérique', answers: [['Un smartphone'], ['Jamais'], ['Oui'], ['Oui']] },
  {
    profile: 'premiers-pas',
    title: 'Premiers pas',
    answers: [['Un smartphone'], ['Parfois'], ['Je ne sais pas faire'], ["Avec de l'aide"], ['Je réponds'], ['Non']],
  },
  {
    profile: 'presque-autonome',
    title: 'Presque autonome',
    answers: [['Un smartphone', 'Un ordinateur'], ['Souvent'], ["Je pourrais montrer à quelqu'un"], ['Je ne sais pas faire'], ['Je le supprime'], ['Non']],
  },
  {
    profile: 'autonome',
    title: 'Autonome',
    answers: [['Un smartphone', 'Un ordinateur'], ['Souvent'], ["Je pourrais montrer à quelqu'un"], ["Je pourrais montrer à quelqu'un"], ['Je le supprime'], ['Non']],
  },
];

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function openStart(page: Page) {
  await page.goto('./');
  await expect(h1(page)).toHaveText('Où en êtes-vous avec le numérique ?');
}

async function answerAll(page: Page, answers: string[][], shoot?: string) {
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(h1(page)).toContainText('Bienvenue');
  if (shoot) await screenshot(page, `${shoot}-info`);
  await page.getByRole('button', { name: 'Suivant' }).click();
  for (const [i, texts] of answers.entries()) {
    await expect(h1(page)).toContainText(`Étape ${i + 2} sur`);
    for (const text of texts) await page.getByText(text, { exact: true }).click();
    if (shoot && i < 2) await screenshot(page, `${shoot}-question-${i + 2}`);
    await page.getByRole('button', { name: /Suivant|Voir mon résultat/ }).click();
  }
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

  for (const run of RUNS) {
    test(`a complete run ends in the profile ${run.profile}`, async ({ page }) => {
      await openStart(page);
      await answerAll(page, run.answers);
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
    await tabTo(/^English$/);
    await page.keyboard.press('Enter');
    await expect(h1(page)).toHaveText('Where are you with digital tools?');
    await tabTo(/^Start$/);
    await page.keyboard.press('Enter');
    await expect(h1(page)).toContainText('Welcome');
    await expect(h1(page)).toBeFocused();
    await tabTo(/^Next$/);
    await page.keyboard.press('Space');
    await expect(h1(page)).toContainText('Which devices');
    await expect(h1(page)).toBeFocused();
    await page.keyboard.press('1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'A computer' })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(h1(page)).toContainText('Do you use the internet?');
    await page.keyboard.press('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Often' })).toBeChecked();
    await page.keyboard.press('Enter');
    for (const digit of ['4', '1', '2']) {
      await expect(h1(page)).toBeFocused();
      await page.keyboard.press(digit);
      await page.keyboard.press('Enter');
    }
    await expect(h1(page)).toContainText('Do you have an urgent procedure');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await expect(h1(page)).toHaveText('Almost independent');
    await expect(h1(page)).toBeFocused();
    await tabTo(/^Finish and erase$/);
    await page.keyboard.press('Enter');
    await expect(h1(page)).toHaveText('Où en êtes-vous avec le numérique ?');
  });

  test('axe finds no violation on the start, question, result and dialog screens', async ({ page }) => {
    await page.clock.install();
    await openStart(page);
    await expectNoAxeViolations(page, 'start');
    await page.getByRole('button', { name: 'Commencer' }).click();
    await expect(h1(page)).toContainText('Bienvenue');
    await expectNoAxeViolations(page, 'info');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, 'question with an error');
    await page.getByText('Un smartphone', { exact: true }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('Jamais', { exact: true }).click();
    await expectNoAxeViolations(page, 'question');
    await page.clock.fastForward(91_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoAxeViolations(page, 'idle dialog');
    await page.getByRole('button', { name: 'Oui, je continue' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('Oui', { exact: true }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('Non', { exact: true }).click();
    await page.getByRole('button', { name: 'Voir mon résultat' }).click();
    await expect(h1(page)).toHaveText('Découvrir le numérique');
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    await expectNoAxeViolations(page, 'result');
  });

  test('the kiosk forgets a person who walks away', async ({ page }) => {
    await page.clock.install();
    await openStart(page);
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('A smartphone', { exact: true }).click();
    await page.clock.fastForward(60_000);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await page.clock.fastForward(31_000);
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: "Yes, I'm still here" })).toBeFocused();
    await screenshot(page, 'kiosk-idle-dialog');
    await page.clock.fastForward(31_000);
    await expect(dialog).toHaveCount(0);
    await expect(h1(page)).toHaveText('Où en êtes-vous avec le numérique ?');
    await expect(page.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
    // No entry was ever pushed: going back leaves the app instead of showing the previous person.
    expect(await page.evaluate(() => ({ history: history.length, hash: location.hash }))).toEqual({ history: entries, hash: '' });
  });

  test('the result prints as a one-page roadmap', async ({ page }) => {
    await openStart(page);
    await answerAll(page, RUNS[2]?.answers ?? []);
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
    await answerAll(page, RUNS[3]?.answers ?? []);
    await expect(h1(page)).toHaveText('Presque autonome');
    const levels = await page.locator('.area').allTextContents();
    const url = await page.getByRole('img', { name: /QR code/ }).getAttribute('data-url');
    expect(url).toMatch(/#\/r\?q=exemple&p=presque-autonome&a=.+&l=fr$/);
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
    await answerAll(page, RUNS[1]?.answers ?? []);
    await expect(h1(page)).toHaveText('Découvrir le numérique');
    await page.getByRole('button', { name: 'Terminer et effacer' }).click();
    await expect(h1(page)).toHaveText('Où en êtes-vous avec le numérique ?');
    await expect(page.getByText('Découvrir le numérique')).toHaveCount(0);
    const state = await page.evaluate(async () => ({
      history: history.length,
      hash: location.hash,
      local: localStorage.length,
      session: sessionStorage.length,
      // Workbox's own bookkeeping (cache expiry) holds nothing about a person.
      databases: (await indexedDB.databases()).map((d) => d.name).filter((name) => !name?.startsWith('workbox-')),
    }));
    expect(state).toEqual({ history: entries, hash: '', local: 0, session: 0, databases: [] });
    // Back leaves the app (to the blank page before it), and coming forward shows the start screen.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.goForward();
    await expect(h1(page)).toHaveText('Où en êtes-vous avec le numérique ?');
    await expect(page.getByText('Découvrir le numérique')).toHaveCount(0);
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
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
      await answerAll(page, RUNS[2]?.answers ?? [], `kiosk-${width}`);
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
    await answerAll(page, RUNS[3]?.answers.slice(0, 2) ?? []);
    await expect(h1(page)).toContainText('Étape 4 sur 7');
    expect(await overflow(), 'question').toBeLessThanOrEqual(0);
    await screenshot(page, 'kiosk-zoom-question');
  });

  test('a broken questionnaire file shows the validator\'s messages, never a white screen', async ({ page }) => {
    await page.route('**/questionnaires/exemple/questionnaire.json', async (route) => {
      const response = await route.fetch();
      const text = (await response.text()).replace('"start": "bienvenue"', '"start": "bienvenu"');
      await route.fulfill({ response, body: text });
    });
    await page.goto('./');
    await expect(h1(page)).toHaveText(/Le questionnaire ne peut pas être affiché/);
    await expect(page.getByText(/exemple\/questionnaire\.json — \$\.start : aucune question ne s'appelle « bienvenu »/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Recommencer' })).toBeVisible();
    await screenshot(page, 'kiosk-error-questionnaire');
    await expectNoAxeViolations(page, 'error');
  });

  test('a missing settings.json means the defaults, with a notice', async ({ page }) => {
    await page.route('**/settings.json*', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('./');
    await expect(h1(page)).toHaveText('Où en êtes-vous avec le numérique ?');
    await expect(page.getByRole('status')).toContainText('réglages par défaut');
    await screenshot(page, 'kiosk-settings-missing');
  });
});
