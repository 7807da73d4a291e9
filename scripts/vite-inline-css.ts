// Vite plugin (build only): the start screen's stylesheet goes into index.html itself, one request
// fewer before the first question (it is 15 KB, 4 KB gzipped, and every screen needs it at once).
// The page's Content-Security-Policy keeps forbidding inline styles: only this stylesheet is
// allowed, by its SHA-256 hash. index.html links it itself (not main.tsx): the lazy chunks' lists
// of what to load first (Vite's preload helper) would otherwise name the file and ask for it again.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="\.\/(assets\/[^"]+\.css)">/;

export function inlineStylesheetPlugin(): Plugin {
  return {
    name: 'reperes-inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        const found = STYLESHEET.exec(html);
        const asset = found?.[1] === undefined ? undefined : bundle?.[found[1]];
        if (!found || !bundle || asset?.type !== 'asset') return html;
        const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        if (css.includes('</style')) throw new Error(`${asset.fileName} holds "</style": it cannot go inline`);
        const hash = createHash('sha256').update(css, 'utf8').digest('base64');
        if (!html.includes("style-src 'self'")) throw new Error(`index.html: its Content-Security-Policy has no "style-src 'self'" to allow the inline stylesheet by its hash`);
        // The link stays, disabled (never fetched): Vite's preload helper finds it there and does not
        // ask for the file when a lazy chunk that lists it loads.
        return html.replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`).replace(found[0], () => `<style>${css}</style>\n    <link rel="stylesheet" href="./${asset.fileName}" disabled>`);
      },
    },
  };
}
