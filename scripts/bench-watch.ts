// What the browser benches share: what they measure in the page itself, so that the harness's own
// round trips (Playwright polling from Node) never count (installed with addInitScript before
// anything runs), the wait for their static server, and the build they serve.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSettings, type QuestionnaireIndexEntry } from '../src/core/index.ts';
import { defaultLanguageFirst } from '../src/ui/start-files.ts';
import { startPreloads } from './vite-questionnaires.ts';

/**
 * A copy of a build (test-results/bench-<name>/) whose settings.json offers its default
 * questionnaire alone: the kiosk's common case, straight to « Commencer », the page the peers
 * match. The shipped example settings offer two questionnaires, which shows their list first.
 * settings.json comes from this server (the worker's copy of it, when warm), so the copy's is the one read. A build that
 * preloads its start files gets the preloads the build writes for that file (it no longer
 * fingerprints as built: the settings' checker is run, as on a structure that edited its file).
 */
export function oneQuestionnaireBuild(root: string, dist: string, name: string): string {
  const out = join(root, 'test-results', `bench-${name}`);
  rmSync(out, { recursive: true, force: true });
  cpSync(resolve(root, dist), out, { recursive: true });
  const file = join(out, 'settings.json');
  const { questionnaires: _offered, ...settings } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const text = `${JSON.stringify(settings, null, 2)}\n`;
  writeFileSync(file, text);
  const page = join(out, 'index.html');
  const html = readFileSync(page, 'utf8');
  const preloads = /\s*<link rel="(?:module)?preload"[^>]*>/g;
  if (html.includes('preload"')) {
    const index = JSON.parse(readFileSync(join(out, 'questionnaires', 'index.json'), 'utf8')) as QuestionnaireIndexEntry[];
    const read = readSettings(text, { questionnaires: index });
    if (!read.ok) throw new Error(`${file}: ${read.problems.map((p) => p.code).join(', ')}`);
    const assets = readdirSync(join(out, 'assets'));
    const named = (prefix: string) => assets.map((f) => `assets/${f}`).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
    const tags = startPreloads(defaultLanguageFirst(read.settings, text, index), index, { checker: named('assets/checker'), run: named('assets/run'), list: named('assets/questionnaire-list') });
    const links = tags.map((t) => `\n    <link ${Object.entries(t.attrs ?? {}).map(([k, v]) => (v === '' ? k : `${k}="${String(v)}"`)).join(' ')}>`).join('');
    writeFileSync(page, html.replace(preloads, '').replace('</head>', `${links}\n  </head>`));
  }
  return out;
}

/** Resolves once the static server answers at `url`. */
export async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the static server of ${url} did not start`);
}

/** Click → the frame that shows a new heading, and click → that frame rendered (ms). */
export interface Watched {
  frame: number;
  painted: number;
  /** The page's clock at the frame that shows the heading (for what the page had requested by then). */
  at: number;
}

/**
 * Each click watches, frame by frame, for a heading (the first element matching `selector`) whose
 * text differs from the one shown at the click: a new one, one where there was none, or none any
 * more (a peer's last page).
 * `window.lastWatch` resolves, for the latest click, with the time from the click's own time stamp
 * to the frame that shows that heading (its requestAnimationFrame, before its style, layout and
 * paint), and to that frame rendered (a task posted from the frame, which runs once it is done).
 */
// Kept as text: tsx would wrap its inner functions in a helper the page does not have.
export const watchClicks = (selector: string): { content: string } => ({
  content: `(() => {
  const selector = ${JSON.stringify(selector)};
  let watching = 0;
  addEventListener('click', (event) => {
    const click = event.timeStamp;
    const before = document.querySelector(selector)?.textContent ?? null;
    const mine = ++watching;
    window.lastWatch = new Promise((resolve) => {
      const check = () => {
        if (mine !== watching) return; // a later click watches instead
        const text = document.querySelector(selector)?.textContent ?? null;
        if (text === before) return void requestAnimationFrame(check);
        const at = performance.now();
        const frame = at - click;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ frame, painted: performance.now() - click, at });
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(check);
    });
  }, { capture: true });
})();`,
});
