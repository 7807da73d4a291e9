// Several questionnaires offered (the shipped settings.json: autonomie-numerique and
// rester-en-contact): the kiosk's start screen lists each one's title, intro and duration; the
// person chooses with the keyboard or the mouse, the run starts on it, and forgetting the person
// (« Terminer et effacer », the idle reset) comes back to the list with its heading focused. A run
// cut short resumes in its own questionnaire. The professional chooses one per diagnostic, and the
// record opens with that questionnaire's texts. Axe, Arabic (right to left), screenshots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, test } from './fixtures.ts';
import { h1, press, proRun, setPassphrase, tabTo, VIEWPORTS } from './pro-helpers.ts';
import { currentStep, screenHeading, storedSessions } from './runs.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const locale = (id: string, language: string) => JSON.parse(readFileSync(join(ROOT, 'questionnaires', id, 'locales', `${language}.json`), 'utf8')) as { title: string; intro: string; profiles: Record<string, { title: string; professional: string }>; questions: Record<string, { text: string }> };
const startOf = (id: string) => (JSON.parse(readFileSync(join(ROOT, 'questionnaires', id, 'questionnaire.json'), 'utf8')) as { start: string }).start;

const AUTONOMIE = locale('autonomie-numerique', 'fr');
const CONTACT = locale('rester-en-contact', 'fr');
const CONTACT_AR = locale('rester-en-contact', 'ar');
const LIST_TITLE = 'Où en êtes-vous avec le numérique ?';
/** Rester en contact, the shortest path: no device, no wish to learn → « Être aidé par quelqu'un ». */
const NO_DEVICE = { appareil: 'aucun', envie: 'non' };

/** The list's label in French and Arabic (the kiosk's strings). */
const CHOOSE = { fr: 'Choisissez un questionnaire', ar: (JSON.parse(readFileSync(join(ROOT, 'src', 'i18n', 'locales', 'ar.json'), 'utf8')) as { ui: { start: { choose: string } } }).ui.start.choose };
const list = (page: Page, language: keyof typeof CHOOSE = 'fr') => page.getByRole('region', { name: CHOOSE[language] });
const choice = (page: Page, title: string, language: keyof typeof CHOOSE = 'fr') => list(page, language).getByRole('button', { name: title, exact: true });

async function openList(page: Page): Promise<void> {
  await page.goto('./');
  await expect(h1(page)).toHaveText(LIST_TITLE);
  await expect(list(page).getByRole('button')).toHaveCount(2);
}

/** Answers the kiosk's questions with digits and Enter, as a keyboard user does. */
async function answerByKeyboard(page: Page, answers: Record<string, string>): Promise<void> {
  for (let step = 0; step < 10; step++) {
    const id = await currentStep(page);
    if (id === 'result') return;
    await expect(screenHeading(page)).toBeFocused();
    const values = await page.locator(`input[name="q-${id}"]`).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    await page.keyboard.press(String(values.indexOf(answers[id] ?? '') + 1));
    await page.keyboard.press('Enter');
    await expect(screenHeading(page)).not.toHaveAttribute('id', `q-${id}-title`);
  }
  throw new Error('the run never reached a result');
}

test.describe('a kiosk offering two questionnaires', () => {
  // The shipped settings.json, which offers both.
  test.use({ deviceSettings: null, serviceWorkers: 'block' });

  test('the page preloads what the list reads at start: each file is fetched once, none is read that it did not preload, and no stylesheet is fetched', async ({ page }) => {
    const requested: string[] = [];
    const at = (href: string) => {
      const url = new URL(href);
      return `${url.pathname}${url.search}`;
    };
    page.on('request', (request) => requested.push(at(request.url())));
    await openList(page);
    const preloaded = await page.locator('link[rel="preload"], link[rel="modulepreload"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    // The settings, the index, both questionnaires' French texts, the settings' checker and the list's code.
    expect(preloaded).toHaveLength(6);
    // The app's own fetch took the preload's response: a file fetched twice would cost a round trip more.
    for (const file of preloaded.map(at)) expect(requested.filter((r) => r === file), file).toHaveLength(1);
    const read = requested.filter((r) => /\.json(\?|$)/.test(r));
    expect(read.filter((r) => !preloaded.map(at).includes(r))).toEqual([]);
    // The stylesheet is in the page itself: neither the start nor the first question (with its
    // first write, whose code lists it) fetches it.
    await choice(page, AUTONOMIE.title).click();
    await expect(screenHeading(page)).toHaveAttribute('id', `q-${startOf('autonomie-numerique')}-title`);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => requested.some((r) => r.includes('/storage-'))).toBe(true);
    expect(requested.filter((r) => r.endsWith('.css'))).toEqual([]);
  });

  test('lists both, each with its own title and intro; the keyboard alone chooses rester-en-contact, runs it to one of its profiles, and comes back to the list', async ({ page }) => {
    await openList(page);
    for (const { title, intro } of [AUTONOMIE, CONTACT]) {
      await expect(choice(page, title)).toBeVisible();
      await expect(list(page).getByText(intro, { exact: true })).toBeVisible();
    }
    await expect(page.getByRole('button', { name: 'Commencer' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'questionnaire list');

    await tabTo(page, choice(page, CONTACT.title));
    await page.keyboard.press('Enter');
    await expect(screenHeading(page)).toHaveAttribute('id', `q-${startOf('rester-en-contact')}-title`);
    await expect(screenHeading(page)).toContainText(CONTACT.questions.appareil?.text ?? '');
    await answerByKeyboard(page, NO_DEVICE);
    await expect(h1(page)).toHaveText(CONTACT.profiles.accompagnement?.title ?? '');
    await expect(h1(page)).toBeFocused();

    await press(page, page.getByRole('button', { name: 'Terminer et effacer' }));
    await expect(h1(page)).toHaveText(LIST_TITLE);
    // The focus is on the list's heading, never on the page's body.
    await expect(h1(page)).toBeFocused();
    await expect(choice(page, CONTACT.title)).toBeVisible();
    await expect.poll(() => storedSessions(page)).toBe(0);
  });

  test('the mouse chooses autonomie-numerique: its first question; a reload resumes it, and the idle reset comes back to the list', async ({ page }) => {
    await page.clock.install();
    await openList(page);
    await choice(page, AUTONOMIE.title).click();
    const first = startOf('autonomie-numerique');
    await expect(screenHeading(page)).toHaveAttribute('id', `q-${first}-title`);
    await expect(screenHeading(page)).toBeFocused();
    await page.locator(`input[name="q-${first}"]`).first().check();
    await expect.poll(() => storedSessions(page)).toBe(1);
    // A reload (or a crash) resumes the run in its own questionnaire, not on the list.
    await page.reload();
    await expect(screenHeading(page)).toHaveAttribute('id', `q-${first}-title`);
    await expect(page.locator(`input[name="q-${first}"]`).first()).toBeChecked();
    // Nobody there: « Vous êtes toujours là ? », then the kiosk forgets the person and shows the list.
    await page.clock.fastForward(91_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.clock.fastForward(31_000);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(h1(page)).toHaveText(LIST_TITLE);
    await expect(h1(page)).toBeFocused();
    await expect(list(page).getByRole('button')).toHaveCount(2);
    await expect.poll(() => storedSessions(page)).toBe(0);
  });

  test('in Arabic the list reads right to left, each title and intro in Arabic', async ({ page }) => {
    await openList(page);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(choice(page, CONTACT_AR.title, 'ar')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(list(page, 'ar').getByText(CONTACT_AR.intro, { exact: true })).toBeVisible();
    expect(await list(page, 'ar').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // Side by side on this screen, the first choice on the right.
    const [first, second] = await list(page, 'ar').getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().right));
    expect(first).toBeGreaterThan(second ?? Infinity);
    await expectNoAxeViolations(page, 'questionnaire list in Arabic');
    await choice(page, CONTACT_AR.title, 'ar').click();
    await expect(screenHeading(page)).toHaveText(new RegExp(CONTACT_AR.questions.appareil?.text ?? '-'));
  });

  test('screens of the list: phone, tablet, desktop, in French and Arabic', async ({ page }) => {
    for (const [language, button] of [['fr', 'Français'], ['ar', 'العربية']] as const) {
      for (const [name, width, height] of VIEWPORTS) {
        await page.setViewportSize({ width, height });
        await openList(page);
        if (language === 'ar') await page.getByRole('button', { name: button }).click();
        await expect(choice(page, language === 'ar' ? CONTACT_AR.title : CONTACT.title, language)).toBeVisible();
        // Nothing wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        await screenshot(page, `questionnaires-list-${language}-${name}`);
      }
    }
  });
});

test.describe('a professional device offering two questionnaires', () => {
  test.use({ deviceSettings: { ...PRO_SETTINGS, modes: ['kiosk', 'interview'], questionnaires: ['autonomie-numerique', 'rester-en-contact'] }, serviceWorkers: 'block' });

  test('the professional chooses rester-en-contact for an interview; the record opens with its texts', async ({ page }) => {
    // A key derivation (PBKDF2, 600,000 rounds) on a shared 2-core machine.
    test.setTimeout(120_000);
    await openList(page);
    await press(page, page.getByRole('link', { name: 'Espace professionnel' }));
    await setPassphrase(page, 'le chat dort sous la table');
    const select = page.getByRole('combobox', { name: 'Questionnaire' });
    await expect(select).toHaveValue('autonomie-numerique');
    await expect(select.getByRole('option')).toHaveText([AUTONOMIE.title, CONTACT.title]);
    await expectNoAxeViolations(page, 'new diagnostic with a choice of questionnaire');
    await screenshot(page, 'pro-new-diagnostic-questionnaires');
    await tabTo(page, select);
    await select.selectOption('rester-en-contact');
    const code = await page.getByLabel('Code de la personne').inputValue();
    await press(page, page.getByRole('button', { name: "Commencer l'entretien" }));
    await expect(page.locator('.pro-run h1')).toContainText(CONTACT.questions.appareil?.text ?? '');
    await proRun(page, NO_DEVICE);
    // The record, with rester-en-contact's profile, its professional text and its questions.
    await expect(h1(page)).toContainText(`Diagnostic ${code}`);
    await expect(page.getByText(CONTACT.profiles.accompagnement?.title ?? '', { exact: true }).first()).toBeVisible();
    await expect(page.getByText(CONTACT.profiles.accompagnement?.professional ?? '')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`^${CONTACT.questions.appareil?.text ?? '-'}`.replace(/[?]/g, '\\?')) })).toBeVisible();
    await expect(page.getByText(/profiles\.|questions\./)).toHaveCount(0);
    await expectNoAxeViolations(page, 'record of rester-en-contact');
  });
});
