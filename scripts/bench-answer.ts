// Where the time of an answer goes, on the built app (dist/) in Debian's Chromium at 4× CPU: prints,
// never asserts. After `npm run build`: `npx tsx scripts/bench-answer.ts` (README « Side by side »).
// For each answer (a digit picks an option, then a click on « Suivant »), in the page:
//  - click → the frame that shows the next heading and that frame rendered (scripts/bench-watch.ts),
//  - the click's Event Timing duration (click → the next paint, to 8 ms),
//  - the long animation frames (≥ 50 ms) that hold the click: script, style and layout, their scripts.
// Then a CPU profile (CDP Profiler) over the answers: the functions where the time goes, by self time.
// Its static server listens on BENCH_PORT + 5 (BENCH_PORT 4390, so 4395; BENCH_ANSWER_PORT sets it
// alone), beside scripts/bench-browser.ts's three. BENCH_ANSWERS (20), BENCH_PROFILE=0 leaves the CPU profile out,
// BENCH_DIST=<a dist folder> measures that build instead (an A/B of two builds), BENCH_TRACE=1 adds a
// trace (BENCH_TRACE_TIMELINE=<n> prints answer n's). BENCH_CLICK=start measures « Commencer » instead,
// after BENCH_START_WAIT ms on the start screen (8000; 0 presses it at once, before anything is made ahead).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ROOT } from './questionnaire-files.ts';
import { oneQuestionnaireBuild, waitForServer, watchClicks, type Watched } from './bench-watch.ts';

const PORT = Number(process.env.BENCH_ANSWER_PORT ?? Number(process.env.BENCH_PORT ?? 4390) + 5);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 20);
const CPU_SLOWDOWN = 4;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))] ?? NaN;
const stats = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n = ${xs.length})`;

/** Installed in the page before anything runs: the clicks' times, their Event Timing entries, the long animation frames. */
const OBSERVE = () => {
  const w = window as unknown as { lastClick: number; eventEntries: unknown[]; frames: unknown[] };
  w.eventEntries = [];
  w.frames = [];
  addEventListener('click', (event) => (w.lastClick = event.timeStamp), { capture: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) {
      if (e.name === 'click' || e.name === 'keydown' || e.name === 'pointerdown' || e.name === 'pointerup')
        w.eventEntries.push({ name: e.name, startTime: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as {
      startTime: number;
      duration: number;
      renderStart: number;
      styleAndLayoutStart: number;
      blockingDuration: number;
      scripts: { invoker: string; invokerType: string; sourceURL: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration: number; startTime: number }[];
    }[]) {
      w.frames.push({
        startTime: e.startTime,
        duration: e.duration,
        render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        styleLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
        scripts: e.scripts.map((s) => ({ invoker: s.invoker, type: s.invokerType, fn: s.sourceFunctionName, url: s.sourceURL.replace(/^.*\//, ''), duration: s.duration, forced: s.forcedStyleAndLayoutDuration })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
};

interface Frame {
  startTime: number;
  duration: number;
  render: number;
  styleLayout: number;
  scripts: { invoker: string; type: string; fn: string; url: string; duration: number; forced: number }[];
}

// The question on screen (the kiosk draws its first question ahead, inert, behind the start screen).
const heading = ':not(.run-frame--ahead) > .question h1';

/** Gives click → the frame that shows the next heading, and click → that frame painted (measured in the page, see scripts/bench-watch.ts). */
async function nextHeading(page: Page): Promise<Watched> {
  return page.evaluate(() => (window as unknown as { lastWatch: Promise<Watched> }).lastWatch);
}

async function main(): Promise<void> {
  const server = spawn('node', [join(ROOT, 'scripts', 'serve.mjs'), String(PORT)], { stdio: 'ignore', env: { ...process.env, REPERES_DIST: oneQuestionnaireBuild(ROOT, process.env.BENCH_DIST ?? 'dist', 'answer') } });
  try {
    const url = `http://localhost:${PORT}/`;
    await waitForServer(url);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 800, height: 1280 } });
    await context.addInitScript(OBSERVE);
    await context.addInitScript(watchClicks(heading));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    if (process.env.BENCH_CLICK === 'start') {
      // « Commencer » instead: warm (the service worker answers), 8 s after the start screen shows (the kiosk has drawn question 1 ahead by then).
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await page.getByRole('button', { name: 'Commencer' }).waitFor();
      await page.waitForTimeout(Number(process.env.BENCH_START_WAIT ?? 8000));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await browser.startTracing(page, { categories: (process.env.BENCH_TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute').split(',') });
      const profile = process.env.BENCH_PROFILE !== '0';
      if (profile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await page.getByRole('button', { name: 'Commencer' }).click();
      const start = await nextHeading(page);
      if (profile) printProfile([((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile]);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as Trace;
      console.log(`« Commencer » → question 1 at ${CPU_SLOWDOWN}× CPU, warm: frame ${start.frame.toFixed(0)} ms, rendered ${start.painted.toFixed(0)} ms`);
      printTraces([trace], [start]);
      await browser.close();
      return;
    }
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.locator(heading).waitFor();
    // Once the service worker has installed and the page has settled, as a tablet left on would be.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1000);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const profile = process.env.BENCH_PROFILE !== '0';
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    const watched: Watched[] = [];
    const profiles: CpuProfile[] = [];
    const trace = process.env.BENCH_TRACE === '1';
    const traces: Trace[] = [];
    const clicks: { at: number; frames: Frame[]; event?: { duration: number; processing: number; delay: number } }[] = [];
    const next = page.getByRole('button', { name: /^(Suivant|Voir mon résultat|Je préfère passer)$/ });
    for (let answered = 0; answered < ANSWERS; answered++) {
      const label = await next.innerText();
      if (label === 'Voir mon résultat') break;
      const options = label === 'Je préfère passer' ? 0 : (await page.getByRole('radio').count()) + (await page.getByRole('checkbox').count());
      if (options > 0) await page.keyboard.press(String(Math.min(options, 2)));
      await page.waitForTimeout(300);
      if (profile) await cdp.send('Profiler.start');
      if (trace) await browser.startTracing(page, { categories: (process.env.BENCH_TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing').split(',') });
      await next.click();
      watched.push(await nextHeading(page));
      if (trace) traces.push(JSON.parse((await browser.stopTracing()).toString('utf8')) as Trace);
      if (profile) profiles.push(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
      await page.waitForTimeout(300); // lets the answer's late work (the write, the pictograms) end before the next one
      const at = await page.evaluate(() => (window as unknown as { lastClick: number }).lastClick);
      clicks.push({ at, frames: [] });
    }
    const { eventEntries, frames } = await page.evaluate(() => {
      const w = window as unknown as { eventEntries: { name: string; startTime: number; duration: number; processing: number; delay: number }[]; frames: Frame[] };
      return { eventEntries: w.eventEntries, frames: w.frames };
    });
    for (const click of clicks) {
      click.frames = frames.filter((f) => f.startTime + f.duration >= click.at && f.startTime <= click.at + 1000);
      const entry = eventEntries.find((e) => e.name === 'click' && Math.abs(e.startTime - click.at) < 1);
      if (entry) click.event = entry;
    }
    console.log(`Answer → next question at ${CPU_SLOWDOWN}× CPU, warm (service worker), ${clicks.length} answers:`);
    console.log(`  click → the frame with the next heading (its rAF): ${stats(watched.map((w) => w.frame))}`);
    console.log(`  click → that frame rendered: ${stats(watched.map((w) => w.painted))}`);
    const durations = clicks.map((c) => c.event?.duration ?? 0);
    console.log(`  click's Event Timing duration (to the next paint, ≥ 16 ms reported, else 0): ${stats(durations)}`);
    console.log(`  click handlers' processing: ${stats(clicks.map((c) => c.event?.processing ?? 0))}`);
    const held = clicks.flatMap((c) => c.frames);
    console.log(`  long animation frames (≥ 50 ms) within 1 s of a click: ${held.length}; script ${stats(held.map((f) => f.duration - f.render))}; style and layout ${stats(held.map((f) => f.styleLayout))}`);
    const byInvoker = new Map<string, number[]>();
    for (const frame of held) for (const s of frame.scripts) (byInvoker.get(`${s.type} ${s.invoker}`) ?? byInvoker.set(`${s.type} ${s.invoker}`, []).get(`${s.type} ${s.invoker}`)!).push(s.duration);
    for (const [invoker, xs] of [...byInvoker].sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0)).slice(0, 8))
      console.log(`    ${invoker}: ${xs.length}×, total ${xs.reduce((x, y) => x + y, 0).toFixed(0)} ms`);
    if (process.env.BENCH_FRAMES === '1')
      clicks.forEach((click, i) => {
        console.log(`  answer ${i + 1}: frame ${watched[i]?.frame.toFixed(0)} ms, rendered ${watched[i]?.painted.toFixed(0)} ms`);
        for (const f of click.frames)
          console.log(`    long frame +${(f.startTime - click.at).toFixed(0)} ms, ${f.duration.toFixed(0)} ms (render ${f.render.toFixed(0)}, style+layout ${f.styleLayout.toFixed(0)}): ${f.scripts.map((s) => `${s.type} ${s.invoker} ${s.fn}@${s.url} ${s.duration.toFixed(0)} ms${s.forced ? ` (forced layout ${s.forced.toFixed(0)})` : ''}`).join('; ')}`);
      });
    if (profiles.length) printProfile(profiles);
    if (traces.length) printTraces(traces, watched);
    await browser.close();
  } finally {
    server.kill();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; functionName?: string; url?: string } };
}
type Trace = { traceEvents: TraceEvent[] };

/**
 * The renderer's main thread from the click to the frame rendered, by kind of work (self time, so
 * nothing is counted twice): script, style, layout, paint, and what else the browser did.
 */
function printTraces(traces: Trace[], watched: Watched[]): void {
  const byKind = new Map<string, number>();
  for (const [i, { traceEvents }] of traces.entries()) {
    const main = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && traceEvents.some((x) => x.pid === e.pid && x.name === 'EventDispatch' && x.args?.data?.type === 'click'));
    if (!main) continue;
    const click = traceEvents.find((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'EventDispatch' && e.args?.data?.type === 'click')!;
    const events = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= click.ts - 1000 && e.ts + e.dur <= click.ts + (watched[i]?.painted ?? 0) * 1000).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { event: TraceEvent; children: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1]!.event.ts + (stack[stack.length - 1]!.event.dur ?? 0) <= until) {
        const { event, children } = stack.pop()!;
        if (process.env.BENCH_TRACE_TASKS === '1' && event.name === 'RunTask' && (event.dur ?? 0) - children > 5000) console.log(`    answer ${i + 1}: task at +${((event.ts - click.ts) / 1000).toFixed(0)} ms, ${((event.dur ?? 0) / 1000).toFixed(0)} ms, ${(((event.dur ?? 0) - children) / 1000).toFixed(0)} ms of it in no traced event; ${JSON.stringify(event.args).slice(0, 200)}`);
        const kind = event.name === 'FunctionCall' || event.name === 'v8.callFunction' || event.name === 'EvaluateScript' || event.name === 'V8.Execute' ? 'script' : event.name;
        byKind.set(kind, (byKind.get(kind) ?? 0) + ((event.dur ?? 0) - children) / 1000);
        const parent = stack[stack.length - 1];
        if (parent) parent.children += event.dur ?? 0;
      }
    };
    for (const event of events) {
      close(event.ts);
      if (process.env.BENCH_TRACE_TIMELINE === String(i + 1) && (event.dur ?? 0) >= 1000 && stack.length < Number(process.env.BENCH_TRACE_DEPTH ?? 4))
        console.log(`    ${'  '.repeat(stack.length)}+${((event.ts - click.ts) / 1000).toFixed(1)} ms ${event.name} ${((event.dur ?? 0) / 1000).toFixed(1)} ms ${event.args?.data?.type ?? event.args?.data?.functionName ?? ''} ${(event.args?.data?.url ?? '').replace(/^.*\//, '')}`);
      stack.push({ event, children: 0 });
    }
    close(Infinity);
  }
  console.log(`  trace of ${traces.length} answers, click → rendered, the renderer's main thread by kind (self time, ms per answer):`);
  for (const [kind, ms] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`    ${(ms / traces.length).toFixed(1).padStart(6)} ms  ${kind}`);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time, and the app's own with the most total time. */
function printProfile(profiles: CpuProfile[]): void {
  const byName = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const name = (n: CpuProfile['nodes'][number]) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  for (const profile of profiles) {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms) byName.set(name(node), (byName.get(name(node)) ?? 0) + ms);
  }
  // Total time (self and callees) of the app's functions, each counted once per stack.
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = nodes.get(at)!;
      if (!node.callFrame.url.includes('/assets/')) continue;
      const key = name(node);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  }
  const busy = [...byName].filter(([n]) => !n.startsWith('(idle)') && !n.startsWith('(program)'));
  const total = busy.reduce((s, [, ms]) => s + ms, 0);
  console.log(`  CPU profile over the answers (throttled time): ${total.toFixed(0)} ms busy; the 15 functions with the most self time:`);
  for (const [n, ms] of busy.sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${n}`);
  console.log('  the app\'s functions with the most total time:');
  for (const [n, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_TOP ?? 25))) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${n}`);
}

await main();
