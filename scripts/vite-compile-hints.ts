// Vite plugin (build only): the chunks the first question runs nearly whole, the entry (the start
// screen) and the run's (vite.config.ts's codeSplitting group `run`), begin with V8's explicit
// compile hint `//# allFunctionsCalledOnLoad` (Chromium 136 and later; any other engine reads a
// comment). V8 then compiles their functions while the file streams in, on a background thread,
// instead of one at a time on the main thread when each is first called: « Commencer » pressed at
// once spent about 17 ms of its 4× budget compiling (README « Side by side »). Chunks loaded later or
// only sometimes (the professional space, PouchDB, the exercises) stay lazy: most of their functions
// never run on a kiosk.
import type { Plugin } from 'vite';

/** The first line of each chunk it marks (scripts/check-budgets.ts checks that it stays first). */
export const HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHintsPlugin(groups: readonly string[]): Plugin {
  return {
    name: 'reperes-compile-hints',
    apply: 'build',
    enforce: 'post',
    // After Vite's own generateBundle, which puts its list of a chunk's CSS first in the file.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !(chunk.isEntry || groups.includes(chunk.name)) || chunk.code.startsWith(HINT)) continue;
          chunk.code = HINT + chunk.code;
          // A source map, where one is written, moves down by the line added.
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const parsed = JSON.parse(map.source) as { mappings: string };
            parsed.mappings = `;${parsed.mappings}`;
            map.source = JSON.stringify(parsed);
          }
        }
      },
    },
  };
}
