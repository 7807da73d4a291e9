import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compileHintsPlugin } from './scripts/vite-compile-hints.ts';
import { inlineStylesheetPlugin } from './scripts/vite-inline-css.ts';
import { questionnairesPlugin } from './scripts/vite-questionnaires.ts';

/**
 * The page's CSP forbids inline styles; Vite's development server injects them (and talks over a
 * WebSocket), so only `npm run dev` relaxes the policy. The build keeps it strict.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'reperes-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
  };
}

/**
 * A Workbox plugin for the service worker's runtime caches of files the build also precaches
 * (settings.json, a questionnaire's files), asked for with `?fresh=`: when its runtime cache has no
 * copy yet (the visit that installed the worker fetched them before it was in control), the precached
 * copy answers at once, as the runtime copy would, while the strategy checks the server. Without it,
 * the first visit under the worker waited for the network (about a second for the 75 KB
 * questionnaire at 1.6 Mbit/s). workbox-build writes this object into sw.js as source: it may use
 * nothing but the worker's globals.
 */
const precachedCopyWhenNoneYet = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }: { request: Request; cachedResponse?: Response }) => {
    if (cachedResponse) return cachedResponse;
    const precache = (await caches.keys()).find((name) => name.startsWith('workbox-precache'));
    if (!precache) return null;
    const url = new URL(request.url);
    url.search = '';
    return (await (await caches.open(precache)).match(url.href, { ignoreSearch: true })) ?? null;
  },
};

export default defineConfig({
  // Relative base: the static build works from any folder of any host.
  base: './',
  plugins: [
    preact(),
    devContentSecurityPolicy(),
    questionnairesPlugin(),
    inlineStylesheetPlugin(),
    // The start screen's chunk and the run's are compiled whole while they stream in (V8's compile hint).
    compileHintsPlugin(['run']),
    VitePWA({
      // An update waits until the start screen offers it (src/pwa), never mid-run.
      registerType: 'prompt',
      // src/pwa registers the worker with the browser's own API (src/pwa/service-worker.ts), loaded lazily.
      injectRegister: false,
      // The icons are already in the precache through globPatterns; listing them twice duplicates entries.
      includeManifestIcons: false,
      // Setting a manifest makes the plugin emit manifest.webmanifest and link it from index.html.
      manifest: {
        name: 'Repères',
        short_name: 'Repères',
        description: "Diagnostic d'autonomie numérique : quelques questions pour savoir où vous en êtes et trouver l'aide qui vous convient.",
        lang: 'fr',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#1b3a5c',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything, questionnaires included: the whole app works offline after one visit.
        // Recorded voices (questionnaires/<id>/audio/) too: read aloud offline.
        globPatterns: ['**/*.{js,css,html,json,svg,png,webmanifest,txt,mp3,ogg,opus,m4a,webm,wav}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The plugin lists manifest.webmanifest itself, after the glob: leave it out here to list it once.
        // Published versions kept for old records (questionnaires/<id>/versions/) are fetched when a
        // professional opens such a record, then kept (below): the kiosk never needs them. Nor does
        // it ever fetch settings.schema.json, an aid for a structure's editor.
        // Pictograms are drawn from questionnaires/index.json (src/core/pictograms.ts): their files ship, the page never fetches them.
        globIgnores: ['manifest.webmanifest', 'questionnaires/*/versions/**', 'questionnaires/*/pictograms/**', 'settings.schema.json'],
        // settings.json is precached (offline from the first visit), but a structure may edit it on
        // the server without rebuilding: `settings.json?fresh=…` is answered from the worker's copy at
        // once and checked against the server meanwhile, so an edit reaches the device at its next
        // start (a kiosk's next person), and a slow or hanging connection never holds the start
        // screen (it waited up to 3 s for the network before; see docs/storage.md).
        runtimeCaching: [
          // A questionnaire's files, edited on the server after the build (as the README allows):
          // `questionnaire.json?fresh=<build's hash>` and its locale files are served from this cache
          // at once and checked against the network meanwhile, so a returning browser shows the edit
          // from its next visit; offline, or before the first check, the precached copy answers.
          {
            urlPattern: ({ url }) => /\/questionnaires\/[^/]+\/(questionnaire\.json|locales\/[^/]+\.json)$/.test(url.pathname) && url.searchParams.has('fresh'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'reperes-questionnaires', expiration: { maxEntries: 60 }, plugins: [precachedCopyWhenNoneYet] },
          },
          // A published version never changes (the build refuses a changed one): the first copy is kept.
          {
            urlPattern: ({ url }) => /\/questionnaires\/[^/]+\/versions\//.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'reperes-versions', matchOptions: { ignoreSearch: true }, expiration: { maxEntries: 200 } },
          },
          {
            urlPattern: ({ url }) => url.pathname.endsWith('/settings.json') && url.searchParams.has('fresh'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'reperes-settings', matchOptions: { ignoreSearch: true }, expiration: { maxEntries: 1 }, plugins: [precachedCopyWhenNoneYet] },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // No preload helper for import()'s own imports (0.6 KB gzipped off the start screen): index.html
    // preloads what the first question needs (scripts/vite-questionnaires.ts), and every later chunk
    // is in the service worker's precache, so its imports cost no round trip after the first visit.
    modulePreload: false,
    sourcemap: false,
    // The manifest lets scripts/check-budgets.ts follow what the first screen loads.
    manifest: true,
    rolldownOptions: {
      output: {
        // Few requests before the first question on a slow connection: the start screen is one
        // chunk; what the first question needs besides one more, fetched from the boot: the run
        // and the read-aloud button (the start screen's own
        // read-aloud fetched them from the boot already, as a chunk of their own: one request
        // less, the same bytes). Storage is a chunk of its own: loaded at start only when a run
        // may wait to be taken up (src/storage/probe.ts), else with the first write.
        codeSplitting: {
          groups: [
            { name: 'kiosk', tags: ['$initial'], priority: 2 },
            // Storage in one request: the store, its rules, its layout and idb (their own imports stay where they are).
            { name: 'storage', test: /\/src\/storage\/(index|open-storage|indexeddb-store|records|schema|session-store)\.ts$|\/node_modules\/idb\//, includeDependenciesRecursively: false, priority: 1 },
            // The checker of a file edited after the build (settings.json, most often), in one request: the format kit, Valibot, the settings' rules (a server address's too).
            { name: 'checker', test: /\/src\/core\/(settings|data-file|problems|server-url)\.ts$|\/src\/core\/formats\/(kit|settings)\.ts$|\/node_modules\/valibot\//, includeDependenciesRecursively: false, priority: 1 },
            // The string files loaded all languages at once, with the screen that needs them (src/i18n/index.ts's lazyStrings): one request and one precache entry per folder, not one per language.
            { name: (id: string) => `strings-${/\/src\/i18n\/(result|exercise|notices)\//.exec(id)?.[1] ?? 'other'}`, test: /\/src\/i18n\/(result|exercise|notices)\/[^/]+\.json$/, priority: 1 },
            { name: 'run', test: /\/src\/ui\/(run|read-aloud-button)\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
});
