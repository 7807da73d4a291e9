// Browser figures for `npm run bench`, on the built app (dist/) in Debian's Chromium. Prints, never asserts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ROOT } from './questionnaire-files.ts';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const PORT = 4390;
const URL_ = `http://localhost:${PORT}/`;
const LOADS = 7;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n = ${samples.length})`;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(URL_)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the static server did not start');
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Closes a page after the kiosk's stored run is gone, as after "Terminer et effacer": the next load starts afresh instead of resuming it. */
async function closeForgetting(page: Page): Promise<void> {
  await page.evaluate(() => {
    indexedDB.deleteDatabase('reperes'); // completes once this page's connection closes
  });
  await page.close();
}

async function main(): Promise<void> {
  const server = spawn('node', [join(ROOT, 'scripts', 'serve.mjs'), String(PORT)], { stdio: 'ignore' });
  try {
    await waitForServer();
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 412, height: 823 } });
    const warm = await context.newPage();
    await warm.goto(URL_);
    await warm.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await warm.reload();
    await warm.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await warm.close();

    // 1. Time to the first question, from the service worker's cache, with the CPU slowed down 4×.
    const toStart: number[] = [];
    const toQuestion: number[] = [];
    let fromWorker = 0;
    for (let i = 0; i < LOADS; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      page.on('response', (r) => {
        if (r.fromServiceWorker()) fromWorker++;
      });
      const t0 = performance.now();
      await page.goto(URL_);
      await page.getByRole('button', { name: 'Commencer' }).waitFor();
      toStart.push(performance.now() - t0);
      await page.getByRole('button', { name: 'Commencer' }).click();
      await page.getByText(/Étape 1 sur/).first().waitFor();
      toQuestion.push(performance.now() - t0);
      await closeForgetting(page);
    }
    // The run (XState, the question screens) is fetched at the first touch or key on the start
    // screen, or after 3 s there: pressing "Commencer" the moment it shows (above) waits for it; a
    // person who reads the start screen first does not.
    const afterReading: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(URL_);
      await page.getByRole('button', { name: 'Commencer' }).waitFor();
      await page.waitForTimeout(3500);
      const t0 = performance.now();
      await page.getByRole('button', { name: 'Commencer' }).click();
      await page.getByText(/Étape 1 sur/).first().waitFor();
      afterReading.push(performance.now() - t0);
      await closeForgetting(page);
    }
    console.log('Browser (Chromium, 412 × 823, service worker in control):');
    console.log(`  start screen ready, 4× CPU slowdown:            ${stats(toStart)}`);
    console.log(`  first question shown (load + "Commencer"), 4×: ${stats(toQuestion)}`);
    console.log(`  "Commencer" → first question after 3.5 s on the start screen, 4×: ${stats(afterReading)}`);
    console.log(`  responses served by the service worker:         ${fromWorker}`);

    // 2. Answer to next question: digit 1 picks the first answer, then "Suivant"; until the result.
    const answerTimes: number[] = [];
    for (let run = 0; run < 6; run++) {
      const page = await context.newPage();
      await page.goto(URL_);
      await page.getByRole('button', { name: 'Commencer' }).click();
      await page.getByText(/Étape 1 sur/).first().waitFor();
      for (let step = 0; step < 40; step++) {
        const before = await heading(page).innerText();
        // The step's way on: "Suivant" or "Voir mon résultat" on a question; an exercise is passed
        // ("Je préfère passer" goes straight on). What is timed is the move to the next step.
        const next = page.getByRole('button', { name: /^(Suivant|Voir mon résultat|Je préfère passer)$/ });
        const label = await next.innerText();
        const exercise = label === 'Je préfère passer';
        // Vary the answers between runs, so the runs take different paths.
        const options = exercise ? 0 : (await page.getByRole('radio').count()) + (await page.getByRole('checkbox').count());
        if (options > 0) await page.keyboard.press(String(Math.min(options, 2 + (run % 3))));
        const finishing = label === 'Voir mon résultat';
        const t0 = performance.now();
        await next.click();
        if (finishing) break;
        await page.waitForFunction((text) => document.querySelector('h1')?.textContent !== text, before);
        answerTimes.push(performance.now() - t0);
      }
      await closeForgetting(page);
    }
    console.log(`  answer → next question shown (no slowdown):     ${stats(answerTimes)}`);

    // 3. A storage write per answer: one session record written whole in one IndexedDB transaction, as src/storage does.
    const page = await context.newPage();
    await page.goto(URL_);
    const writes = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('reperes-bench', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('runs', { keyPath: 'id' });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const answers: Record<string, unknown> = {};
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        answers[`question-${i % 25}`] = { type: 'choice', option: `option-${i % 4}` };
        const record = { version: 2, id: 'bench', questionnaireId: 'autonomie-numerique', contentHash: 'x', mode: 'kiosk', language: 'fr', answers, path: Object.keys(answers), startedAt: '', updatedAt: new Date().toISOString(), status: 'in-progress' };
        const t0 = performance.now();
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('runs', 'readwrite');
          tx.objectStore('runs').put(record);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        times.push(performance.now() - t0);
      }
      db.close();
      indexedDB.deleteDatabase('reperes-bench');
      return times;
    });
    console.log(`  storage write of the run per answer (IndexedDB): ${stats(writes)}`);
    await browser.close();

    // 4. Lighthouse (mobile emulation), run with npx as ../shared/TOOLING.md advises: performance is noisy here, so the median of 5.
    if (process.env.BENCH_LIGHTHOUSE !== '0') {
      const out = join(ROOT, 'test-results', 'lighthouse');
      mkdirSync(out, { recursive: true });
      const scores: Record<string, number[]> = {};
      const metrics: Record<string, number[]> = {};
      for (let i = 0; i < 5; i++) {
        const file = join(out, `bench-${i}.json`);
        const result = spawnSync(
          'npx',
          ['--yes', 'lighthouse@12.8.2', URL_, '--output=json', `--output-path=${file}`, '--quiet', '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`],
          { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 },
        );
        if (result.status !== 0) {
          console.log(`  Lighthouse run ${i + 1} failed: ${String(result.stderr).split('\n').slice(-3).join(' ')}`);
          continue;
        }
        const report = JSON.parse(readFileSync(file, 'utf8')) as { categories: Record<string, { score: number }>; audits: Record<string, { numericValue?: number }> };
        for (const [id, category] of Object.entries(report.categories)) (scores[id] ??= []).push(Math.round(category.score * 100));
        for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time']) (metrics[id] ??= []).push(Math.round(report.audits[id]?.numericValue ?? NaN));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      console.log(`Lighthouse 12.8.2 (mobile): ${Object.entries(scores).map(([id, xs]) => `${id} ${median(xs)} (runs: ${xs.join(', ')})`).join('; ')}`);
      console.log(`  medians: ${Object.entries(metrics).map(([id, xs]) => `${id} ${median(xs)} ms`).join(', ')}`);
    }
  } finally {
    server.kill();
  }
}

await main();
