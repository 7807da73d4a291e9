// Issue 5, "Works offline and never loses an answer", in a real browser: a whole run with the
// network off, a reload at every step, storage refused, and an update arriving during a run.
// Each test has its own browser context (and so its own service worker and IndexedDB).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';
import { expect, screenshot, test } from './fixtures.ts';
import { answer, answerIds, currentStep, goOn, optionInput, persona, runThrough, START_TITLE, startAndRun, type PersonaAnswers } from './runs.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const UPDATE_TEXT = 'Une nouvelle version de Repères est prête.';

/** Waits until the service worker is ready and controls the page (the first visit is not controlled: reload once). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The newest session Repères has stored (runs and results), read straight from IndexedDB. */
function storedSession(page: Page): Promise<{ answers: PersonaAnswers; path: string[]; status: string } | undefined> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'reperes')) return undefined;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reperes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    type Stored = { answers: Record<string, { type: string; option?: string; options?: string[]; result?: { outcome: string } }>; path: string[]; status: string; updatedAt: string };
    const all = (name: string) =>
      new Promise<Stored[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(name)) return resolve([]);
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as Stored[]);
        request.onerror = () => reject(request.error);
      });
    const records = [...(await all('runs')), ...(await all('results'))].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    db.close();
    const newest = records[0];
    if (!newest) return undefined;
    const answers: Record<string, string | string[]> = {};
    for (const [id, a] of Object.entries(newest.answers)) answers[id] = a.type === 'choices' ? (a.options ?? []) : a.type === 'exercise' ? (a.result?.outcome ?? '') : (a.option ?? '');
    return { answers, path: newest.path, status: newest.status };
  });
}

/** Waits until the answer on screen is stored, so that a reload cannot come before the write. */
async function waitUntilStored(page: Page, question: string, options: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const stored = await storedSession(page);
      return stored && { answer: [stored.answers[question] ?? []].flat(), last: stored.path.at(-1) };
    })
    .toEqual({ answer: options, last: question });
}

/** Whether the service worker's runtime cache `cacheName` holds a copy of a file (its URL contains `file`) with `text` in it: the server's edit, fetched. */
function cachedCopyHolds(page: Page, cacheName: string, file: string, text: string): Promise<boolean> {
  return page.evaluate(
    async ({ cacheName, file, text }) => {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) if (request.url.includes(file) && (await (await cache.match(request))?.text())?.includes(text)) return true;
      return false;
    },
    { cacheName, file, text },
  );
}

async function expectAnswerShown(page: Page, question: string, options: string[]): Promise<void> {
  expect(await currentStep(page)).toBe(question);
  // An exercise shows its recorded result.
  if (question.startsWith('exercice-')) await expect(page.locator('.exercise')).toHaveAttribute('data-state', options[0] ?? '');
  else for (const option of options) await expect(optionInput(page, question, option)).toBeChecked();
}

test.describe('offline', () => {
  test('after one visit, whole runs in French and easy-read French work with the network off, every file from the service worker', async ({ page, context }) => {
    await page.goto('./');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.reload();
    await expect(h1(page)).toHaveText(START_TITLE);

    // French, to the result.
    const lea = persona('autonome');
    await startAndRun(page, lea.answers);
    await expect(h1(page)).toHaveText(lea.title);
    await expect(page.getByRole('img', { name: /QR code/ })).toHaveAttribute('data-url', /p=autonome&.*l=fr$/);
    await page.getByRole('button', { name: 'Terminer et effacer' }).click();

    // Easy-read French, to the result: its texts were never fetched before going offline.
    await page.locator('button[lang="fr-FALC"]').click();
    await expect(page.locator('button[lang="fr-FALC"]')).toHaveAttribute('aria-pressed', 'true');
    const marcel = persona('faire-pour');
    await startAndRun(page, marcel.answers);
    await expect(page.locator('article.result')).toBeVisible();
    await expect(page.locator('[data-url]')).toHaveAttribute('data-url', /p=faire-pour&.*l=fr-FALC$/);
    await screenshot(page, 'offline-result-fr-FALC');

    const documentsAndJson = responses.filter((r) => r.request().resourceType() === 'document' || new URL(r.url()).pathname.endsWith('.json'));
    const paths = documentsAndJson.map((r) => new URL(r.url()).pathname);
    for (const expected of ['/', '/questionnaires/index.json', '/settings.json', '/questionnaires/autonomie-numerique/questionnaire.json', '/questionnaires/autonomie-numerique/locales/fr.json', '/questionnaires/autonomie-numerique/locales/fr-FALC.json']) {
      expect(paths, `${expected} was loaded`).toContain(expected);
    }
    expect(documentsAndJson.filter((r) => !r.fromServiceWorker() || !r.ok()).map((r) => `${r.status()} ${r.url()}`), 'not from the service worker').toEqual([]);
  });

  test('the first visit under the service worker starts from its copies of the settings and the questionnaire while a slow server has not answered', async ({ page, context }) => {
    await page.goto('./');
    await expect(page.locator('.start__begin')).toBeVisible();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The server takes settings.json and the questionnaire's files and never answers (a connection
    // that hangs); the worker's check of them, meanwhile, must not hold the start screen up.
    const held: string[] = [];
    await context.route(/\/(settings\.json|questionnaires\/[^/]+\/(questionnaire\.json|locales\/[^/]+\.json))\?fresh=/, (route) => void held.push(route.request().url()));
    const settings = page.waitForResponse(/\/settings\.json\?fresh=/);
    await page.reload();
    // The page's own request for the settings is answered, by the worker, from its copy.
    const answered = await settings;
    expect(answered.ok(), 'settings.json?fresh= answered').toBe(true);
    expect(answered.fromServiceWorker()).toBe(true);
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect(page.locator('.start__begin')).toBeEnabled();
    await page.locator('.start__begin').click();
    await expect(page.getByRole('heading', { level: 1, name: /Quels appareils/ })).toBeVisible();
    expect(held.some((url) => url.includes('/settings.json?')), 'the worker asked the server for the settings it answered with').toBe(true);
    expect(held.some((url) => url.includes('/questionnaires/')), 'the worker asked the server for the files it answered with').toBe(true);
  });

  test('a reload at every step resumes at the same question, with the answer still selected', async ({ page }) => {
    await page.goto('./');
    await expect(h1(page)).toHaveText(START_TITLE);
    const sophie = persona('presque-autonome');
    const seen = await startAndRun(page, sophie.answers, async (question) => {
      const options = answerIds(sophie.answers, question);
      await waitUntilStored(page, question, options);
      await page.reload();
      await expectAnswerShown(page, question, options);
    });
    expect(seen.length).toBeGreaterThan(10);
    await expect(h1(page)).toHaveText(sophie.title);
    // The result too survives a reload, until "Terminer et effacer".
    await expect.poll(async () => (await storedSession(page))?.status).toBe('completed');
    await page.reload();
    await expect(h1(page)).toHaveText(sophie.title);
    await page.getByRole('button', { name: 'Revenir aux questions' }).click();
    expect(await currentStep(page)).toBe(seen.at(-1));
    await runThrough(page, sophie.answers);
    await page.getByRole('button', { name: 'Terminer et effacer' }).click();
    await expect(h1(page)).toHaveText(START_TITLE);
    await expect.poll(() => storedSession(page)).toBeUndefined();
    await page.reload();
    await expect(h1(page)).toHaveText(START_TITLE);
  });

  test('storage refused: a discreet notice, and the run goes on in memory to the result', async ({ page }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await page.goto('./');
    await expect(h1(page)).toHaveText(START_TITLE);
    const notice = page.locator('.notice--storage');
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(notice).toContainText('Le questionnaire fonctionne normalement');
    await screenshot(page, 'offline-storage-notice-start');
    const kevin = persona('premiers-pas');
    // On a phone, every question opens with the notice in view (not scrolled away by the one before).
    await page.setViewportSize({ width: 360, height: 740 });
    await page.locator('.start__begin').click();
    for (let i = 0; i < 40; i++) {
      const question = await currentStep(page);
      if (question === 'result') break;
      await expect(notice, question).toBeInViewport();
      if (i === 1) await screenshot(page, 'offline-storage-notice-question');
      await answer(page, kevin.answers, question);
      await goOn(page, question);
    }
    await expect(h1(page)).toHaveText(kevin.title);
  });
});

test.describe('updates', () => {
  // A copy of the build served from a folder of its own, so that a second version can replace the first.
  // Beside the suite's own ports (the static server, +50 the CouchDB-protocol one), far enough that two checkouts never collide.
  const port = Number(process.env.E2E_PORT ?? 4317) + 1000;
  let folder = '';
  let server: ChildProcess | undefined;
  test.use({ baseURL: `http://localhost:${port}/` });

  test.beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'reperes-update-'));
    cpSync(join(import.meta.dirname, '..', '..', 'dist'), folder, { recursive: true });
    server = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'serve.mjs'), String(port)], { env: { ...process.env, REPERES_DIST: folder }, stdio: 'ignore' });
    await expect.poll(async () => (await fetch(`http://localhost:${port}/`).catch(() => undefined))?.ok ?? false).toBe(true);
  });
  test.afterAll(() => {
    server?.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** The second version: a changed file, and the service worker that lists its new revision. */
  function publishSecondVersion(): void {
    writeFileSync(join(folder, 'robots.txt'), `${readFileSync(join(folder, 'robots.txt'), 'utf8')}# version 2\n`);
    const sw = readFileSync(join(folder, 'sw.js'), 'utf8');
    const changed = sw.replace(/(\{url:"robots\.txt",revision:")[0-9a-f]+(")/, '$1b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2$2');
    expect(changed, 'sw.js lists robots.txt with a revision').not.toBe(sw);
    writeFileSync(join(folder, 'sw.js'), changed);
  }

  test('a questionnaire edited on the server after the build reaches a browser that came before', async ({ page }) => {
    const file = join(folder, 'questionnaires', 'autonomie-numerique', 'locales', 'fr.json');
    const original = readFileSync(file, 'utf8');
    const edited = 'Quels appareils utilisez-vous ? (texte revu par la structure)';
    const question = page.locator('h1.question__title .question__text');
    /** A visit: the start screen, or the run taken up again; the first question's text. */
    const firstQuestion = async () => {
      await page.goto('./');
      await expect(page.locator('.start__begin').or(question)).toBeVisible();
      if (await page.locator('.start__begin').isVisible()) await page.locator('.start__begin').click();
      return (await question.textContent()) ?? '';
    };
    try {
      await page.goto('./');
      await waitForServiceWorker(page);
      expect(await firstQuestion()).not.toBe(edited);
      // The structure edits a text on the server, without rebuilding.
      const tree = JSON.parse(original) as { questions: Record<string, { text: string }> };
      (tree.questions.equipement as { text: string }).text = edited;
      writeFileSync(file, JSON.stringify(tree));
      // The browser answers from its copy at once and checks the server meanwhile…
      expect(await firstQuestion()).not.toBe(edited);
      await expect.poll(() => cachedCopyHolds(page, 'reperes-questionnaires', '/locales/fr.json', edited)).toBe(true);
      // …so the next visit shows the edit.
      expect(await firstQuestion()).toBe(edited);
    } finally {
      writeFileSync(file, original);
    }
  });

  test.describe('with the settings.json the server holds', () => {
    test.use({ deviceSettings: null });
    test('settings.json edited on the server reaches a browser that came before, at its next start', async ({ page }) => {
      const file = join(folder, 'settings.json');
      const original = readFileSync(file, 'utf8');
      const edited = 'Médiathèque du Port';
      const structure = page.locator('.site-header__structure');
      const visit = async () => {
        await page.goto('./');
        await expect(structure).toBeVisible();
        return (await structure.textContent()) ?? '';
      };
      try {
        await page.goto('./');
        await waitForServiceWorker(page);
        expect(await visit()).toBe('Espace public numérique');
        // The structure renames itself on the server, without rebuilding.
        writeFileSync(file, JSON.stringify({ ...(JSON.parse(original) as object), structure: edited }));
        // The worker answers from its copy at once (no round trip before the start screen) and checks the server meanwhile…
        expect(await visit()).toBe('Espace public numérique');
        await expect.poll(() => cachedCopyHolds(page, 'reperes-settings', '/settings.json', edited)).toBe(true);
        // …so the next start shows the edit.
        expect(await visit()).toBe(edited);
      } finally {
        writeFileSync(file, original);
      }
    });
  });

  test('a new version is offered on the start screen only, never mid-run, and the run survives it', async ({ context }) => {
    // The kiosk's start screen, open in one tab.
    const start = await context.newPage();
    await start.goto('./');
    await waitForServiceWorker(start);
    await expect(h1(start)).toHaveText(START_TITLE);

    // A run in progress in another tab, an answer selected on its second question.
    const run = await context.newPage();
    await run.goto('./');
    await expect(h1(run)).toHaveText(START_TITLE);
    const nadia = persona('decouverte');
    await run.locator('.start__begin').click();
    await answer(run, nadia.answers, 'equipement');
    await goOn(run, 'equipement');
    const question = await currentStep(run);
    const options = await answer(run, nadia.answers, question);
    await waitUntilStored(run, question, options);

    // Version 2 is published; the run's tab looks for it (as checkForUpdate does) and it installs.
    publishSecondVersion();
    await run.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await expect.poll(() => run.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    // The start screen offers it; the run never does.
    await start.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(start.getByText(UPDATE_TEXT)).toBeVisible();
    await screenshot(start, 'update-ready-start');
    await run.waitForTimeout(500);
    await expect(run.getByText(UPDATE_TEXT)).toHaveCount(0);
    await expectAnswerShown(run, question, options);

    // Applying it from the start screen reloads that tab only; the run's tab is left alone.
    // (The reload follows the new worker's "controlling", or a 3 s fallback; on two busy cores it may take a while.)
    const reloaded = start.waitForEvent('load', { timeout: 20_000 });
    await start.getByRole('button', { name: 'Mettre à jour' }).click();
    await reloaded;
    await expect.poll(() => start.evaluate(async () => (await (await fetch('./robots.txt')).text()).includes('# version 2')), { timeout: 20_000 }).toBe(true);
    await expectAnswerShown(run, question, options);
    await expect(run.getByText(UPDATE_TEXT)).toHaveCount(0);
    await start.close();

    // The run, reloaded under version 2, resumes at the same question with the same answer.
    await run.reload();
    await expectAnswerShown(run, question, options);
    expect(await run.evaluate(async () => (await (await fetch('./robots.txt')).text()).includes('# version 2'))).toBe(true);
    await expect(run.getByText(UPDATE_TEXT)).toHaveCount(0);
    await runThrough(run, nadia.answers);
    await expect(h1(run)).toHaveText(nadia.title);
    await expect(run.getByText(UPDATE_TEXT)).toHaveCount(0);
  });
});
