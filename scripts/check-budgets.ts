// Checks the size budgets on the built files (dist/), after `vite build`. Prints the figures; exits 1 over budget.
//  - the JavaScript needed to show the first question (the read-aloud button included; storage only
//    where a run may be taken up, see below), gzipped: at most 45 KB (the goal of issue 20)
//    (46.5 until the preload helper of import() (vite.config.ts's modulePreload), the service
//    worker's registration (src/pwa/registration.ts, once a run's question shows), the storage
//    notices' and idle warning's strings (src/i18n/notices/) and a stored run's replay
//    (src/run/resume.ts, fetched only when there is one to take up) left;
//    62 until issue 20 left the record checker, valibot and its formats, to the first read or the
//    first write, the service worker's registration to the browser's own API instead of
//    workbox-window, versions.ts with its scoring to the professional space and the run, and
//    storage itself to the first write on a kiosk whose store holds no run, and the result's
//    link-making and strings to the result screen; 49 until the machines' lean setup()
//    (src/core/machine-setup.ts) and the content hash, explore.ts's walks, a server address's checks,
//    a broken file's problem formatter and a result link's reader left for the chunks that use them),
//    in two files
//  - the whole service-worker precache, gzipped: at most 400 KB (recorded voices a questionnaire
//    ships are printed apart: they are the structure's content, not the app's weight)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './questionnaire-files.ts';
import { HINT } from './vite-compile-hints.ts';

const DIST = join(ROOT, 'dist');
const KB = 1024;
const BUDGETS = { firstQuestionJs: 45 * KB, precache: 400 * KB };

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

const manifestPath = join(DIST, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error('No dist/.vite/manifest.json: run "npm run build" (build.manifest must be on).');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;

// The entry and everything it imports statically (the reference language's interface strings
// included): what the start screen needs. Then the run (XState, the question screens), which the
// app loads with import() while the start screen shows: the first question needs both.
// The run is a chunk of its own, or the chunk vite.config.ts's codeSplitting group `run` makes
// with it (storage and the read-aloud button beside it, one request).
const RUN_MODULE = manifest['src/ui/run.tsx'] ? 'src/ui/run.tsx' : (Object.entries(manifest).find(([, chunk]) => chunk.name === 'run')?.[0] ?? 'src/ui/run.tsx');
const graph = (roots: string[]) => {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  return [...files].filter((f) => f.endsWith('.js')).map((file) => ({ file, size: gz(file) }));
};
const entries = Object.entries(manifest)
  .filter(([, chunk]) => chunk.isEntry)
  .map(([key]) => key);
if (!manifest[RUN_MODULE]) {
  console.error(`src/ui/run.tsx is in no chunk of its own nor in the group "run": the first question's JavaScript cannot be measured.`);
  process.exit(1);
}
const startScreen = graph(entries);
const startScreenTotal = startScreen.reduce((s, f) => s + f.size, 0);
const firstQuestion = graph([...entries, RUN_MODULE]);
const firstQuestionTotal = firstQuestion.reduce((s, f) => s + f.size, 0);
// The precache list, as the service worker has it.
const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] ?? '');
const isAudio = (url: string) => /\.(mp3|ogg|opus|m4a|webm|wav)$/.test(url);
const audio = urls.filter(isAudio).map((url) => ({ url, size: existsSync(join(DIST, url)) ? readFileSync(join(DIST, url)).length : NaN }));
const precache = urls.filter((url) => !isAudio(url)).map((url) => ({ url, size: existsSync(join(DIST, url)) ? gz(url) : NaN }));
const missing = [...precache, ...audio].filter((p) => Number.isNaN(p.size));
const precacheTotal = precache.reduce((s, p) => s + (Number.isNaN(p.size) ? 0 : p.size), 0);

console.log('JavaScript needed for the first question (gzip -9); * = also needed for the start screen:');
const onStart = new Set(startScreen.map((f) => f.file));
for (const f of firstQuestion.sort((a, b) => b.size - a.size)) console.log(`  ${onStart.has(f.file) ? '*' : ' '} ${f.file.padEnd(44)} ${kb(f.size)}`);
console.log(`  start screen ${kb(startScreenTotal)}; first question ${kb(firstQuestionTotal)} of ${kb(BUDGETS.firstQuestionJs)}`);
console.log(`Precache: ${precache.length} entries, ${kb(precacheTotal)} gzipped of ${kb(BUDGETS.precache)}`);
if (audio.length) console.log(`Recorded voices precached besides: ${audio.length} files, ${kb(audio.reduce((s, a) => s + (Number.isNaN(a.size) ? 0 : a.size), 0))}`);

const firstFiles = new Set(firstQuestion.map((f) => f.file));
const lazyProblems: string[] = [];
// Storage (idb, the IndexedDB store) is not in it: a kiosk whose store holds no run (the probe in
// src/storage/probe.ts) loads it with the first write, after the first question is painted; it is
// loaded at start only where a run may wait to be taken up. Printed, so its weight stays in sight.
// Its chunk: src/storage/index.ts's own, or the one vite.config.ts's codeSplitting group `storage` makes.
const STORAGE = manifest['src/storage/index.ts'] ? 'src/storage/index.ts' : Object.entries(manifest).find(([, chunk]) => chunk.name === 'storage')?.[0];
const storageChunk = STORAGE === undefined ? undefined : manifest[STORAGE];
if (STORAGE === undefined || !storageChunk) lazyProblems.push('src/storage/index.ts is in no chunk of its own nor in the group "storage" (loaded with import()?)');
else {
  const own = graph([STORAGE]).filter((f) => !firstFiles.has(f.file));
  if (firstFiles.has(storageChunk.file)) lazyProblems.push(`storage (${storageChunk.file}) is in the first question's JavaScript again`);
  console.log(`Loaded with the first write (at start where a run may be taken up): storage ${kb(own.reduce((sum, f) => sum + f.size, 0))} gzipped (${own.map((f) => f.file).join(', ')})`);
}

// The settings' checker (Valibot and the format library) is fetched at every start, beside
// settings.json (the modulepreload the build writes in index.html); src/ui/questionnaire-loader.ts
// runs it (import()) only when the file is not the one the build checked, as on a device whose
// structure edited settings.json on the server (which the README allows). The budget above
// leaves it out (it counts the start screen's and the run's chunks); printed here with the total it
// makes, so that this weight stays in sight.
// Its chunk: the one vite.config.ts's codeSplitting group `checker` makes (or src/core/settings.ts's own).
const CHECKER = Object.entries(manifest).find(([key, chunk]) => chunk.name === 'checker' || key.endsWith('src/core/settings.ts'))?.[0];
const checkerFiles = CHECKER === undefined ? [] : graph([CHECKER]).filter((f) => !firstFiles.has(f.file));
if (CHECKER === undefined) lazyProblems.push('the settings checker (src/core/settings.ts) is in no chunk of its own nor in the group "checker" (loaded with import()?)');
else if (firstFiles.has(manifest[CHECKER]?.file ?? '')) lazyProblems.push(`the settings checker (${manifest[CHECKER]?.file ?? ''}) is in the first question's JavaScript again`);
else console.log(`Fetched at every start beside settings.json (run only when the file was edited after the build): the settings checker ${kb(checkerFiles.reduce((sum, f) => sum + f.size, 0))} gzipped (${checkerFiles.map((f) => f.file).join(', ')}); first question with it ${kb(firstQuestionTotal + checkerFiles.reduce((sum, f) => sum + f.size, 0))}`);
const startFiles = new Set([...firstFiles, ...checkerFiles.map((f) => f.file)]);

// What must never be in the kiosk's first bundles, loaded with import() only where needed: PouchDB
// (team sync, on a device whose settings.json names a server) and the QR decoder (scanning in the
// professional space, where the browser has no BarcodeDetector). Proven here on every build.
const LAZY = [
  { name: 'PouchDB (team sync)', src: 'src/storage/pouch-browser.ts' },
  { name: 'jsQR (QR decoder)', src: 'node_modules/jsqr/dist/jsQR.js' },
];
// A module of node_modules is keyed by its path from the project, which a worktree whose
// node_modules is a link to another checkout's spells differently ("../../main/node_modules/…").
const keyOf = (src: string): string => (manifest[src] ? src : (Object.keys(manifest).find((key) => key.endsWith(`/${src}`)) ?? src));
for (const lazy of LAZY) {
  const chunk = manifest[keyOf(lazy.src)];
  if (!chunk) {
    lazyProblems.push(`${lazy.name}: ${lazy.src} is no longer a chunk of its own (loaded with import()?)`);
    continue;
  }
  const own = graph([keyOf(lazy.src)]).filter((f) => !firstFiles.has(f.file));
  if (firstFiles.has(chunk.file)) lazyProblems.push(`${lazy.name} (${chunk.file}) is in the kiosk's first bundle`);
  console.log(`Loaded only when needed: ${lazy.name} ${kb(own.reduce((sum, f) => sum + f.size, 0))} gzipped (${own.map((f) => f.file).join(', ')})`);
}

// The kiosk's other bundles: counting a result (kiosk-tally.ts) and the territory observatory's
// push (territory-push.ts, plain fetch). PouchDB must be in none of them, nor in what they import.
const KIOSK_LATER = ['src/ui/kiosk-tally.ts', 'src/ui/territory-push.ts'];
const pouchFiles = new Set(
  Object.entries(manifest)
    .filter(([key]) => key === 'src/storage/pouch-browser.ts' || /node_modules\/pouchdb/.test(key))
    .map(([, chunk]) => chunk.file),
);
for (const src of KIOSK_LATER) {
  if (!manifest[src]) {
    lazyProblems.push(`${src} is no longer a chunk of its own (loaded with import()?)`);
    continue;
  }
  const files = graph([src]);
  const pouch = files.filter((f) => pouchFiles.has(f.file));
  if (pouch.length) lazyProblems.push(`PouchDB (${pouch.map((f) => f.file).join(', ')}) is in the kiosk's bundle ${src}`);
  else console.log(`Kiosk bundle without PouchDB: ${src} ${kb(files.filter((f) => !startFiles.has(f.file)).reduce((sum, f) => sum + f.size, 0))} gzipped beyond the first question and the settings checker`);
}

// Requests for the first question's JavaScript: the start screen's chunk and the run's. Rolldown's
// runtime helpers live in the start screen's chunk (src/main.tsx says why), not in a third file.
const FIRST_QUESTION_FILES = 2;
if (firstQuestion.length > FIRST_QUESTION_FILES) lazyProblems.push(`The first question needs ${firstQuestion.length} JavaScript files (${firstQuestion.map((f) => f.file).join(', ')}), at most ${FIRST_QUESTION_FILES}: one more request on a slow connection.`);

// XState's action creators that setup() hands back and the app never uses (src/core/machine-setup.ts
// gives only createMachine): xstate's own `setup` imported again would bring them back (2.4 KB).
const SETUP_HELPERS = ['xstate.sendTo', 'xstate.enqueueActions', 'xstate.emit', 'xstate.log'];
for (const f of firstQuestion) {
  const code = readFileSync(join(DIST, f.file), 'utf8');
  const found = SETUP_HELPERS.filter((name) => code.includes(name));
  if (found.length) lazyProblems.push(`${f.file} holds XState's ${found.join(', ')}: a machine was built with xstate's own setup() (use src/core/machine-setup.ts).`);
  // V8 compiles them whole as they stream in only if its hint is the file's very first line (scripts/vite-compile-hints.ts).
  if (!code.startsWith(HINT)) lazyProblems.push(`${f.file} does not begin with V8's compile hint "${HINT.trim()}": something now writes before it (scripts/vite-compile-hints.ts runs last in generateBundle).`);
}

let failed = false;
if (lazyProblems.length) {
  console.error(lazyProblems.join('\n'));
  failed = true;
}
if (firstQuestionTotal > BUDGETS.firstQuestionJs) {
  console.error(`Over budget: the first question needs ${kb(firstQuestionTotal)} of JavaScript (budget ${kb(BUDGETS.firstQuestionJs)}).`);
  failed = true;
}
if (precacheTotal > BUDGETS.precache) {
  console.error(`Over budget: the precache weighs ${kb(precacheTotal)} (budget ${kb(BUDGETS.precache)}).`);
  failed = true;
}
if (missing.length) {
  console.error(`Precache entries missing from dist/: ${missing.map((m) => m.url).join(', ')}`);
  failed = true;
}
if (urls.length === 0) {
  console.error('No precache entries found in dist/sw.js.');
  failed = true;
}
process.exit(failed ? 1 : 0);
