// Read aloud in the built app, with the browser's voices stubbed (a fake speechSynthesis that notes
// what it is asked to say): the start screen, a question, an exercise and the result each read their
// text in the screen's language; with no voice for the language the person is told so; a recording
// shipped with the questionnaire plays before speech synthesis.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { currentStep, goOn, answer, persona } from './runs.ts';

test.use({ serviceWorkers: 'block' });

/** Replaces the browser's speech synthesis with one that has `voices` and notes each utterance (text, lang). */
async function stubVoices(context: BrowserContext, voices: string[]) {
  await context.addInitScript((langs: string[]) => {
    const spoken: { text: string; lang: string }[] = [];
    const played: string[] = [];
    Object.assign(window, { __spoken: spoken, __played: played });
    const list = langs.map((lang) => ({ lang, name: `Voix ${lang}`, voiceURI: lang, localService: true, default: false }));
    class Utterance {
      text: string;
      lang = '';
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const fake = {
      getVoices: () => list,
      speak(u: Utterance) {
        spoken.push({ text: u.text, lang: u.lang });
        setTimeout(() => u.onend?.(), 5);
      },
      cancel() {},
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    // Recordings: what is played, by its address.
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push(new URL(this.src).pathname);
      return play.call(this);
    };
  }, voices);
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken.splice(0));
const played = (page: Page) => page.evaluate(() => (window as unknown as { __played: string[] }).__played.splice(0));

async function offerLanguages(context: BrowserContext, languages: string[]) {
  await context.route(/\/settings\.json(\?.*)?$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ languages, modes: ['kiosk'], defaultQuestionnaire: 'autonomie-numerique' }) }),
  );
}

/** A tenth of a second of silence, as a WAV file (8 kHz, 8-bit, mono). */
function silence(): Buffer {
  const samples = 800;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

test('each screen reads its text in its language, with a voice of that language', async ({ page, context }) => {
  await stubVoices(context, ['fr-FR', 'ar-SA']);
  await offerLanguages(context, ['fr', 'ar']);
  await page.goto('./');
  await expect(page.locator('.start__begin')).toBeVisible();
  const read = page.getByRole('button', { name: 'Lire à voix haute' });
  await read.click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken.length)).toBeGreaterThanOrEqual(4);
  const start = await spoken(page);
  // The questionnaire's own title, then its intro.
  expect(start[0]).toEqual({ text: 'Votre autonomie numérique', lang: 'fr-FR' });
  expect(start.at(-1)?.text).toMatch(/^Rien n'est gardé/);

  // In Arabic: the start screen, then a question, in Arabic.
  await page.locator('.button--language[lang="ar"]').click();
  await page.getByRole('button', { name: 'القراءة بصوت عالٍ' }).click();
  await expect.poll(async () => (await spoken(page))[0]).toEqual({ text: 'استقلاليتك الرقمية', lang: 'ar-SA' });
  await page.locator('.start__begin').click();
  const first = await currentStep(page);
  await page.locator(`#q-${first}-read`).click();
  await expect.poll(async () => (await spoken(page)).filter((s) => s.lang === 'ar-SA').length).toBeGreaterThan(0);
});

test('an exercise and the result read their texts', async ({ page, context }) => {
  await stubVoices(context, ['fr-FR']);
  await page.goto('./');
  await page.locator('.start__begin').click();
  const answers = persona('autonome').answers;
  for (let i = 0; i < 40; i++) {
    const step = await currentStep(page);
    if (step === 'result') break;
    if (step.startsWith('exercice-')) {
      // The question, how to do it, then each answer to choose from, numbered.
      const button = page.locator(`#q-${step}-read`);
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'false');
      const texts = (await spoken(page)).map((s) => s.text);
      expect(texts[0]).toBe((await page.locator('.question__text').textContent()) ?? '');
      expect(texts.at(-1)).toMatch(/^\d\. /);
    }
    await answer(page, answers, step);
    await goOn(page, step);
  }
  await expect(page.locator('#result-title')).toBeFocused();
  await spoken(page);
  await page.locator('#result-read').click();
  // Read to the end: the reminder that this is advice comes last.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: { text: string }[] }).__spoken.at(-1)?.text ?? '')).toMatch(/conseil/);
  const result = await spoken(page);
  expect(result[0]).toEqual({ text: 'Autonome', lang: 'fr-FR' });
  expect(result.map((s) => s.text)).toContain('Prochaines étapes');
  expect(result.at(-1)?.text).toMatch(/conseil/);
});

test('"are you still there?" and a storage notice read their texts too', async ({ page, context }) => {
  await stubVoices(context, ['fr-FR']);
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await page.clock.install();
  await page.goto('./');
  const notice = page.locator('.notice--storage');
  await notice.getByRole('button', { name: 'Lire à voix haute' }).click();
  await expect.poll(async () => (await spoken(page)).map((s) => s.text).join(' ')).toContain('Le questionnaire fonctionne normalement');
  await page.locator('.start__begin').click();
  await expect(page.locator('h1.question__title')).toBeVisible();
  await page.clock.fastForward(91_000);
  const dialog = page.getByRole('alertdialog', { name: 'Vous êtes toujours là ?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Lire à voix haute' }).click();
  await expect.poll(async () => (await spoken(page))[0]).toEqual({ text: 'Vous êtes toujours là ?', lang: 'fr-FR' });
  await expectNoAxeViolations(page, 'idle dialog with its read-aloud');
});

test('with no voice for the language, the person is told so', async ({ page, context }) => {
  await stubVoices(context, []);
  await offerLanguages(context, ['fr', 'uk']);
  await page.goto('./');
  // The start screen's own notice (the first question, drawn ahead unseen behind it, has its own).
  const start = page.locator('.start');
  await expect(start.getByText('Pas de lecture à voix haute dans cette langue sur cet appareil.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lire à voix haute' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'start without a voice');
  await page.locator('.button--language[lang="uk"]').click();
  await expect(start.getByText('Читання вголос цією мовою на цьому пристрої недоступне.')).toBeVisible();
  await page.locator('.start__begin').click();
  await expect(page.locator('h1.question__title')).toBeFocused();
  await expect(page.getByText('Читання вголос цією мовою на цьому пристрої недоступне.')).toBeVisible();
});

test('a recording shipped with the questionnaire plays before speech synthesis', async ({ page, context }) => {
  await stubVoices(context, ['fr-FR']);
  // The build lists a recording of the start screen's lead (the questionnaire's intro) in French; the file is served as the build would.
  await context.route(/\/questionnaires\/index\.json$/, async (route) => {
    const response = await route.fetch();
    const index = (await response.json()) as { id: string; audio?: Record<string, string[]> }[];
    for (const entry of index) if (entry.id === 'autonomie-numerique') entry.audio = { fr: ['intro.wav'] };
    await route.fulfill({ response, json: index });
  });
  await context.route(/\/audio\/fr\/intro\.wav$/, (route) => route.fulfill({ contentType: 'audio/wav', body: silence() }));
  await page.goto('./');
  await expect(page.locator('.start__begin')).toBeVisible();
  await page.getByRole('button', { name: 'Lire à voix haute' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken.length)).toBeGreaterThanOrEqual(3);
  expect(await played(page)).toEqual(['/questionnaires/autonomie-numerique/audio/fr/intro.wav']);
  const texts = (await spoken(page)).map((s) => s.text);
  // The title is spoken, the lead is the recording (not spoken), then the rest is spoken.
  expect(texts[0]).toBe('Votre autonomie numérique');
  expect(texts).not.toContain(await page.locator('.start__lead').textContent());
});
