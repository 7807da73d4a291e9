// Browser figures for `npm run bench`, on the built app (dist/) in Debian's Chromium. Prints, never asserts.
// 1. Side by side, interleaved (each round loads every page in turn): Repères, the vanilla floor
//    (bench/floor/, a hand-written one-question-a-screen page) and SurveyJS (survey-core +
//    survey-js-ui, their published builds; bench/surveyjs/; exact versions pinned in bench/peers/,
//    installed by npm ci into test-results/bench-peers-install/), on the same 27 French questions,
//    at 4× CPU slowdown, 150 ms RTT and 1.6 Mbit/s (CDP). BENCH_BEFORE=<a dist folder> adds that
//    build of Repères as a column (e.g. main's, built in another checkout). BENCH_ROUNDS=<n> (5),
//    BENCH_PEERS=0 leaves SurveyJS out, BENCH_PORT=<port> (4390; it uses the two after it too).
// 2. IndexedDB write per answer. 3. Lighthouse (BENCH_LIGHTHOUSE=0 skips it).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ROOT } from './questionnaire-files.ts';
import { oneQuestionnaireBuild, waitForServer, watchClicks, type Watched } from './bench-watch.ts';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
/** Its static servers listen on BENCH_PORT (4390), +1 (BENCH_BEFORE) and +2 (the peers): another port lets two benches run side by side. */
const PORT = Number(process.env.BENCH_PORT ?? 4390);
const URL_ = `http://localhost:${PORT}/`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ANSWERS = 20;
/** How long the person reads the warm start screen before « Commencer » (ms). */
const READING_MS = 8000;
const PEERS = join(ROOT, 'test-results', 'bench-peers');
const PEERS_INSTALL = join(ROOT, 'test-results', 'bench-peers-install');
/** SurveyJS's published builds that its page loads, by package (bench/peers/package.json). */
const PEER_FILES = [
  ['survey-core', 'survey.core.min.js'],
  ['survey-core', 'survey-core.min.css'],
  ['survey-js-ui', 'survey-js-ui.min.js'],
] as const;
/** A cheap tablet on a poor connection. */
const CPU_SLOWDOWN = 4;
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))] ?? NaN;

function stats(samples: number[]) {
  return `median ${median(samples).toFixed(1)} ms, p95 ${p95(samples).toFixed(1)} ms (n = ${samples.length})`;
}

function serve(dist: string, port: number) {
  return spawn('node', [join(ROOT, 'scripts', 'serve.mjs'), String(port)], { stdio: 'ignore', env: { ...process.env, REPERES_DIST: resolve(ROOT, dist) } });
}

interface PeerQuestion {
  title: string;
  multiple: boolean;
  options: string[];
}

/** The questionnaire's questions in French (exercises left out), as the peers show them: the same texts, one a screen. */
function peerQuestions(): PeerQuestion[] {
  const dir = join(ROOT, 'questionnaires', 'autonomie-numerique');
  const file = JSON.parse(readFileSync(join(dir, 'questionnaire.json'), 'utf8')) as { questions: { id: string; kind: string; options?: { id: string }[] }[] };
  const texts = JSON.parse(readFileSync(join(dir, 'locales', 'fr.json'), 'utf8')) as { questions: Record<string, { text: string; options?: Record<string, string> }> };
  return file.questions
    .filter((q) => q.kind !== 'exercise' && q.options)
    .map((q) => ({ title: texts.questions[q.id]?.text ?? q.id, multiple: q.kind === 'multiple', options: (q.options ?? []).map((o) => texts.questions[q.id]?.options?.[o.id] ?? o.id) }));
}

/**
 * The peers' libraries, installed from their own pinned folder (bench/peers/: package.json and
 * package-lock.json, exact versions; never the app's dependencies) into
 * test-results/bench-peers-install/ with `npm ci`, reused while the lock is unchanged. Gives the
 * folder of their node_modules, or why they could not be installed (no network, say).
 */
function installPeers(): { modules: string } | { failed: string } {
  const lock = readFileSync(join(ROOT, 'bench', 'peers', 'package-lock.json'), 'utf8');
  const stamp = join(PEERS_INSTALL, 'installed-lock.json');
  const modules = join(PEERS_INSTALL, 'node_modules');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock && PEER_FILES.every(([pkg, file]) => existsSync(join(modules, pkg, file)))) return { modules };
  rmSync(PEERS_INSTALL, { recursive: true, force: true });
  mkdirSync(PEERS_INSTALL, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, 'bench', 'peers', file), join(PEERS_INSTALL, file));
  console.log(`Installing the bench's peers (bench/peers/package-lock.json) into ${PEERS_INSTALL} …`);
  const result = spawnSync('npm', ['ci', '--prefix', PEERS_INSTALL, '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: PEERS_INSTALL, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) return { failed: `npm ci failed (${result.error?.message ?? `exit ${result.status}`}): ${`${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ')}` };
  if (!PEER_FILES.every(([pkg, file]) => existsSync(join(modules, pkg, file)))) return { failed: `npm ci did not give ${PEER_FILES.map(([pkg, file]) => `${pkg}/${file}`).join(', ')}` };
  writeFileSync(stamp, lock);
  return { modules };
}

/** The peers' pages in test-results/bench-peers/ (served like dist/: assets/ cached for long, pages revalidated). Without SurveyJS (not installed), says why. */
function preparePeers(): { surveyjs: true; version: string } | { surveyjs: false; why: string } {
  rmSync(PEERS, { recursive: true, force: true });
  const questions = JSON.stringify(peerQuestions());
  mkdirSync(join(PEERS, 'floor', 'assets'), { recursive: true });
  writeFileSync(join(PEERS, 'index.html'), '<!doctype html><title>bench</title>');
  copyFileSync(join(ROOT, 'bench', 'floor', 'index.html'), join(PEERS, 'floor', 'index.html'));
  writeFileSync(join(PEERS, 'floor', 'assets', 'questions.json'), questions);
  if (process.env.BENCH_PEERS === '0') return { surveyjs: false, why: 'BENCH_PEERS=0' };
  const installed = installPeers();
  if ('failed' in installed) return { surveyjs: false, why: installed.failed };
  const assets = join(PEERS, 'surveyjs', 'assets');
  mkdirSync(assets, { recursive: true });
  copyFileSync(join(ROOT, 'bench', 'surveyjs', 'index.html'), join(PEERS, 'surveyjs', 'index.html'));
  copyFileSync(join(ROOT, 'bench', 'surveyjs', 'survey-page.js'), join(assets, 'survey-page.js'));
  for (const [pkg, file] of PEER_FILES) copyFileSync(join(installed.modules, pkg, file), join(assets, file));
  writeFileSync(join(assets, 'questions.json'), questions);
  const { version } = JSON.parse(readFileSync(join(installed.modules, 'survey-core', 'package.json'), 'utf8')) as { version: string };
  return { surveyjs: true, version };
}

interface Subject {
  name: string;
  url: string;
  /** The current question's title, in the page (null on any other screen). */
  title: string;
  /** Answers the question on screen; gives the button that goes on, or undefined at the end of the path. */
  answer(page: Page, round: number): Promise<Locator | undefined>;
  /** Waits until the page may be closed or reused (Repères: its service worker has installed). */
  settle?(page: Page): Promise<void>;
  /** Closes the page so that the next load starts afresh. */
  close?(page: Page): Promise<void>;
}

const next = (page: Page) => page.getByRole('button', { name: /^(Suivant|Voir mon résultat|Je préfère passer)$/ });

function reperes(name: string, url: string): Subject {
  return {
    name,
    url,
    title: ':not(.run-frame--ahead) > .question h1',
    async answer(page, round) {
      const button = next(page);
      const label = await button.innerText();
      if (label === 'Voir mon résultat') return undefined;
      const options = label === 'Je préfère passer' ? 0 : (await page.getByRole('radio').count()) + (await page.getByRole('checkbox').count());
      // Digits pick an answer; the runs vary their answers so that they take different paths.
      if (options > 0) await page.keyboard.press(String(Math.min(options, 2 + (round % 3))));
      return button;
    },
    async settle(page) {
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
    },
    // The kiosk's stored run goes, as after "Terminer et effacer": the next load starts afresh instead of resuming it.
    async close(page) {
      await page.evaluate(() => {
        indexedDB.deleteDatabase('reperes'); // completes once this page's connection closes
      });
    },
  };
}

function peer(name: string, url: string, title: string, option: string): Subject {
  return {
    name,
    url,
    title,
    async answer(page, round) {
      const button = page.getByRole('button', { name: 'Suivant' });
      if (!(await button.isVisible())) return undefined;
      const options = page.locator(option);
      await options.nth(Math.min((await options.count()) - 1, 1 + (round % 3))).click();
      return button;
    },
  };
}

/**
 * Click → the frame that shows the new heading, and → that frame painted, measured in the page
 * (scripts/bench-watch.ts): the harness's own round trips never count. On a page stuck on the same
 * heading, says where it is stuck.
 */
async function watched(page: Page, subject: Subject): Promise<Watched> {
  const result = await Promise.race([
    page.evaluate(() => (window as unknown as { lastWatch: Promise<Watched> }).lastWatch),
    page.waitForTimeout(60_000).then(() => undefined),
  ]);
  if (!result) throw new Error(`${subject.name}: no new heading a minute after the click; the page shows: ${(await page.locator('main, body').first().innerText()).slice(0, 400)}`);
  return result;
}

/** The frame in which « Commencer » can be pressed, from the navigation. */
async function startUsable(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const button = [...document.querySelectorAll('button, input[type=button]')].find((b) => (b.textContent || (b as HTMLInputElement).value).trim() === 'Commencer');
      return button && !(button as HTMLButtonElement).disabled && button.getAttribute('aria-disabled') !== 'true' ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 180_000 },
  );
  return (await handle.jsonValue()) as number;
}

interface Figures {
  cold: number[];
  warm: number[];
  commencerAtOnce: number[];
  commencerAfterReading: number[];
  requests: number[];
  /** Answer → the frame that shows the next heading (its rAF, before style, layout and paint). */
  answerFrame: number[];
  /** Answer → that frame painted. */
  answerPainted: number[];
  heap: number[];
  /** What the first cold load asked for before question 1. */
  firstRequests?: string[];
}

async function throttled(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  return page;
}

const startButton = (page: Page) => page.getByRole('button', { name: 'Commencer' });

/** One round of a subject: a cold load (empty cache) with « Commencer » pressed at once, 20 answers, the heap; then a warm load, « Commencer » after reading the start screen for 8 s (time enough for the kiosk to draw question 1 ahead: src/ui/app-machine.ts's AHEAD_AFTER_MS). */
async function round(browser: Browser, subject: Subject, index: number, into: Figures): Promise<void> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 800, height: 1280 } });
  await context.addInitScript(watchClicks(subject.title));
  try {
    let page = await throttled(context);
    await page.goto(subject.url, { waitUntil: 'commit' });
    into.cold.push(await startUsable(page));
    await startButton(page).click();
    const first = await watched(page, subject);
    into.commencerAtOnce.push(first.painted);
    // The requests begun by the frame that shows question 1 (the page's own clock: what begins
    // after it, such as storage with the first write, is not counted), the page itself included.
    const requests = await page.evaluate((at) => [location.pathname, ...performance.getEntriesByType('resource').filter((e) => e.startTime <= at).map((e) => new URL(e.name).pathname)], first.at);
    into.requests.push(requests.length);
    into.firstRequests ??= requests;
    for (let answered = 0; answered < ANSWERS; answered++) {
      const button = await subject.answer(page, index);
      if (!button) break;
      await button.click();
      const { frame, painted } = await watched(page, subject);
      into.answerFrame.push(frame);
      into.answerPainted.push(painted);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    into.heap.push(((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1024 / 1024);
    await subject.settle?.(page);
    await subject.close?.(page);
    await page.close();

    page = await throttled(context);
    await page.goto(subject.url, { waitUntil: 'commit' });
    into.warm.push(await startUsable(page));
    await page.waitForTimeout(READING_MS);
    await startButton(page).click();
    into.commencerAfterReading.push((await watched(page, subject)).painted);
    await subject.close?.(page);
    await page.close();
  } finally {
    await context.close();
  }
}

async function sideBySide(browser: Browser, subjects: Subject[]): Promise<void> {
  const figures = new Map(subjects.map((s) => [s.name, { cold: [], warm: [], commencerAtOnce: [], commencerAfterReading: [], requests: [], answerFrame: [], answerPainted: [], heap: [] } as Figures]));
  for (let r = 0; r < ROUNDS; r++) {
    // Interleaved, and each round in another order: a busy moment of the host falls on every page alike.
    const order = subjects.map((_, i) => subjects[(i + r) % subjects.length]!);
    for (const subject of order) await round(browser, subject, r, figures.get(subject.name)!);
  }
  const floor = figures.get('vanilla floor');
  const ms = (xs: number[]) => `${Math.round(median(xs))} ms`;
  const ratio = (xs: number[], base: number[] | undefined) => (base && base.length && xs !== base ? ` (${(median(xs) / median(base)).toFixed(1)}×)` : '');
  const rows: [string, (f: Figures) => string][] = [
    ['cold load → « Commencer » usable', (f) => ms(f.cold) + ratio(f.cold, floor?.cold)],
    ['cold: « Commencer » pressed at once → question 1', (f) => ms(f.commencerAtOnce)],
    ['cold load → question 1 (sum of the two above)', (f) => ms(f.cold.map((c, i) => c + (f.commencerAtOnce[i] ?? NaN))) + ratio(f.cold.map((c, i) => c + (f.commencerAtOnce[i] ?? NaN)), floor && floor.cold.map((c, i) => c + (floor.commencerAtOnce[i] ?? NaN)))],
    ['requests before question 1 (cold)', (f) => String(median(f.requests))],
    ['warm load → « Commencer » usable', (f) => ms(f.warm) + ratio(f.warm, floor?.warm)],
    [`warm: « Commencer » after ${READING_MS / 1000} s → question 1`, (f) => ms(f.commencerAfterReading)],
    ['answer → the frame that shows the next question, median / p95', (f) => `${Math.round(median(f.answerFrame))} / ${Math.round(p95(f.answerFrame))} ms`],
    ['answer → next question painted, median / p95', (f) => `${Math.round(median(f.answerPainted))} / ${Math.round(p95(f.answerPainted))} ms`],
    ['JS heap after 20 answers (after GC)', (f) => `${median(f.heap).toFixed(1)} MB`],
  ];
  console.log(`Side by side, ${ROUNDS} interleaved rounds, Chromium 800 × 1280, CPU ${CPU_SLOWDOWN}× slower, ${NETWORK.latency} ms RTT, 1.6 Mbit/s (medians; × = ratio to the floor):`);
  console.log(`| metric | ${subjects.map((s) => s.name).join(' | ')} |`);
  console.log(`|---|${subjects.map(() => '---|').join('')}`);
  for (const [label, cell] of rows) console.log(`| ${label} | ${subjects.map((s) => cell(figures.get(s.name)!)).join(' | ')} |`);
  for (const subject of subjects) console.log(`  ${subject.name}, requests before question 1: ${figures.get(subject.name)?.firstRequests?.join(' ')}`);
}

async function main(): Promise<void> {
  const peersReady = preparePeers();
  const before = process.env.BENCH_BEFORE;
  const servers = [serve(oneQuestionnaireBuild(ROOT, 'dist', 'now'), PORT), serve(PEERS, PORT + 2), ...(before ? [serve(oneQuestionnaireBuild(ROOT, before, 'before'), PORT + 1)] : [])];
  try {
    await Promise.all([URL_, `http://localhost:${PORT + 2}/`, ...(before ? [`http://localhost:${PORT + 1}/`] : [])].map(waitForServer));
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    const subjects = [
      reperes('Repères', URL_),
      ...(before ? [reperes('Repères before', `http://localhost:${PORT + 1}/`)] : []),
      ...(peersReady.surveyjs ? [peer(`SurveyJS ${peersReady.version}`, `http://localhost:${PORT + 2}/surveyjs/`, '.sd-question__title', '.sd-item__control-label')] : []),
      peer('vanilla floor', `http://localhost:${PORT + 2}/floor/`, '#q', 'label'),
    ];
    if (!peersReady.surveyjs) console.log(`SurveyJS is not installed (${peersReady.why}): its column is left out.`);
    await sideBySide(browser, subjects);

    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 412, height: 823 } });

    // 2. A storage write per answer: one session record written whole in one IndexedDB transaction, as src/storage does.
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

    // 3. Lighthouse (mobile emulation), run with npx as ../shared/TOOLING.md advises: performance is noisy here, so the median of 5.
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
    for (const server of servers) server.kill();
  }
}

await main();
