// Every screen for every person: the longest run of the questionnaire, screen by screen, at phone,
// tablet and desktop sizes, portrait and landscape, in French and Arabic (and every language at
// 320 px): the way on (« Suivant », or the exercise's « Je préfère passer ») is in the window without
// scrolling, nothing scrolls sideways, and no line of an answer ends inside a word.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures.ts';
import { currentStep, optionInput, screenHeading } from './runs.ts';

test.use({ serviceWorkers: 'block' });

const LANGUAGES = ['fr', 'fr-FALC', 'en', 'ar', 'uk', 'es'];

async function offerEveryLanguage(context: BrowserContext) {
  await context.route(/\/settings\.json(\?.*)?$/, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ structure: 'France Services', languages: LANGUAGES, modes: ['kiosk'], defaultQuestionnaire: 'autonomie-numerique' }),
    }),
  );
}

/**
 * The answers of a long path (a smartphone and a computer, internet with help: every gesture
 * question and its exercise, every internet question, all six exercises); a question not named here
 * gets its first answer, an exercise is passed with « Je préfère passer » after it has been checked.
 */
const LONGEST: Record<string, string | string[]> = {
  equipement: ['smartphone', 'ordinateur'],
  'utilisation-appareil': 'seul',
  'usage-internet': 'avec-aide',
  'demarches-en-ligne': 'seul',
  'adresse-courriel': 'oui-seul',
  besoins: ['rien'],
};

/** Where, in the window, a line of text ends inside a word: the words of each element, each broken word quoted. */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => {
    const broken: string[] = [];
    for (const element of elements) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        let lastTop: number | undefined;
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || /\s/.test(text[i] ?? '')) continue;
          // A new line starts at this character, and the character before it is part of the same word.
          if (lastTop !== undefined && rect.top > lastTop + 2 && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) {
            const start = text.slice(0, i).search(/[\p{L}\p{N}'’-]*$/u);
            const end = i + (text.slice(i).search(/[^\p{L}\p{N}'’-]/u) + 1 || text.length - i + 1) - 1;
            broken.push(`${element.className}: ${text.slice(start, i)}|${text.slice(i, end)}`);
          }
          lastTop = rect.top;
        }
      }
    }
    return broken;
  });
}

/** The checks every screen must pass at the window's present size; `way` is the button that goes on. */
async function checkScreen(page: Page, where: string, way?: string) {
  const size = page.viewportSize();
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect.soft(scrollWidth, `horizontal overflow on ${where}`).toBeLessThanOrEqual(clientWidth);
  expect.soft(await brokenWords(page, '.option__text, .question__text, .exercise__how'), `words cut on ${where}`).toEqual([]);
  if (!way) return;
  // Without scrolling: the page is where the new screen put it (each question opens at the top of
  // the page, whatever the window's size: question-screen.tsx sets scrollTop to 0, checked here).
  expect.soft(await page.evaluate(() => document.documentElement.scrollTop), `page scrolled on ${where}`).toBe(0);
  const box = await page.locator(way).boundingBox();
  expect(box, `${way} on ${where}`).not.toBeNull();
  if (box && size) {
    expect.soft(box.y, `${way} above the window on ${where}`).toBeGreaterThanOrEqual(0);
    expect.soft(box.y + box.height, `${way} below the window on ${where}`).toBeLessThanOrEqual(size.height);
  }
}

/**
 * The same screen at each size, one after the other: resizing the window re-lays the screen out as
 * a first render at that size would (the screen is at the top of the page, its focus on the heading).
 * `shot` names the screenshot to take at each size, if any. Ends at the first size, where the run goes on.
 */
async function checkAtEverySize(page: Page, sizes: Size[], label: string, where: string, way: string | undefined, shot: boolean) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    const at = `${label}-${size.width}x${size.height}`;
    await checkScreen(page, `${at}: ${where}`, way);
    if (shot) await page.screenshot({ path: `test-results/screenshots/every-screen-${at}-${where}.png` });
  }
  await page.setViewportSize(sizes[0]!);
}

const SUBMIT = '.question__actions button[type="submit"]';
const SKIP = '.question__actions .exercise-skip';

/** The longest run from the start screen to the result, checking every screen on the way at every size; returns the screens seen. */
async function runLongest(page: Page, label: string, sizes: Size[], shots: boolean): Promise<string[]> {
  await checkAtEverySize(page, sizes, label, 'start', undefined, shots);
  // Read aloud on every screen: the button, or the words saying this device has no voice for the language.
  await expect(page.locator('#start-read')).toHaveCount(1);
  await page.locator('.start__begin').click();
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const step = await currentStep(page);
    if (step === 'result') break;
    seen.push(step);
    await expect(page.locator(`#q-${step}-read`), `read aloud on ${step}`).toHaveCount(1);
    const exercise = page.locator('.exercise');
    if (await page.locator(SKIP).count()) {
      await expect(exercise).toBeVisible();
      await checkAtEverySize(page, sizes, label, step, SKIP, shots);
      await page.locator(SKIP).click();
    } else {
      await checkAtEverySize(page, sizes, label, step, SUBMIT, shots && i < 2);
      const inputs = page.locator(`input[name="q-${step}"]`);
      const chosen = LONGEST[step] ?? (await inputs.first().getAttribute('value')) ?? '';
      for (const option of [chosen].flat()) await page.locator(`label[for="q-${step}-${option}"]`).click();
      for (const option of [chosen].flat()) await expect(optionInput(page, step, option)).toBeChecked();
      await page.locator(SUBMIT).click();
    }
    await expect(screenHeading(page)).not.toHaveAttribute('id', `q-${step}-title`);
  }
  await expect(page.locator('#result-title')).toBeFocused();
  await expect(page.locator('#result-read')).toHaveCount(1);
  for (const size of sizes) {
    await page.setViewportSize(size);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect.soft(scrollWidth, `horizontal overflow on ${label}-${size.width}x${size.height}: result`).toBeLessThanOrEqual(clientWidth);
    if (shots) await screenshot(page, `every-screen-${label}-${size.width}x${size.height}-result`);
  }
  return seen;
}

interface Size { width: number; height: number }
/** Phone (320 and 360 px wide), tablet landscape and portrait, a small laptop. */
const SIZES: Size[] = [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
];

async function startIn(page: Page, context: BrowserContext, language: string, size: Size) {
  await offerEveryLanguage(context);
  await page.setViewportSize(size);
  await page.goto('./');
  await page.locator(`.button--language[lang="${language}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

for (const language of ['fr', 'ar']) {
  test(`every screen of the longest run, ${language}, at five sizes from 320×640 to 1280×800`, async ({ page, context }) => {
    test.setTimeout(150_000);
    await startIn(page, context, language, SIZES[0]!);
    const seen = await runLongest(page, language, SIZES, true);
    // The longest branch with the first answer where none is given: 16 steps (installing an app is
    // settled by « je ne sais pas faire » for the mouse and the keyboard), four exercises passed (touch,
    // double-click, typing, scam); the official-site exercise belongs to those who go online alone.
    expect(seen).toHaveLength(16);
    expect(seen.filter((s) => s.startsWith('exercice-'))).toHaveLength(4);
  });
}

for (const language of ['fr-FALC', 'en', 'uk', 'es']) {
  test(`every screen of the longest run at 320 px, ${language}`, async ({ page, context }) => {
    await startIn(page, context, language, SIZES[0]!);
    expect(await runLongest(page, language, [SIZES[0]!], false)).toHaveLength(16);
  });
}

test('pictograms stay visible in dark forced colours, and the professional link is a 44 px target', async ({ page, context }) => {
  await context.route(/\/settings\.json(\?.*)?$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ modes: ['kiosk', 'interview'], defaultQuestionnaire: 'autonomie-numerique' }) }),
  );
  await page.goto('./');
  const pro = page.getByRole('link', { name: 'Espace professionnel' });
  const box = await pro.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await page.locator('.start__begin').click();
  const pictogram = page.locator('.question__media .pictogram');
  await expect(pictogram).toBeVisible();
  // The dark ink of the pictogram on its own light tile, whatever the theme forces around it.
  expect(await pictogram.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
  await screenshot(page, 'every-screen-forced-colours-dark');
});
