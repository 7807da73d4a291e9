// Draws the app icons from one glyph (a signpost: "des repères") and renders the PNGs the web app
// manifest lists. Run `node scripts/make-icons.mjs` after changing the drawing; commit the output.
// Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(import.meta.dirname, '..', 'public', 'icons');
const BLUE = '#1b3a5c';
const LIGHT = '#a9cbea';
const WHITE = '#ffffff';

// A signpost on a 512 grid: a pole on its base, a board pointing right and one pointing left.
const glyph = [
  `<rect x="238" y="112" width="36" height="292" rx="10" fill="${WHITE}"/>`,
  `<rect x="172" y="392" width="168" height="30" rx="15" fill="${WHITE}"/>`,
  `<path d="M142 146h214l42 42-42 42H142z" fill="${WHITE}" stroke="${WHITE}" stroke-width="16" stroke-linejoin="round"/>`,
  `<path d="M370 258H156l-42 42 42 42h214z" fill="${LIGHT}" stroke="${LIGHT}" stroke-width="16" stroke-linejoin="round"/>`,
].join('');

const svg = (background, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${background}${body}</svg>\n`;

// "any": a rounded square; "maskable": full bleed, the glyph shrunk into the central safe circle.
const icons = {
  'icon.svg': svg(`<rect width="512" height="512" rx="104" fill="${BLUE}"/>`, glyph),
  'icon-maskable.svg': svg(`<rect width="512" height="512" fill="${BLUE}"/>`, `<g transform="translate(256 266) scale(.78) translate(-256 -266)">${glyph}</g>`),
};
for (const [name, text] of Object.entries(icons)) writeFileSync(join(OUT, name), text);

const renders = [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 512, 'icon-maskable-512.png'],
];
for (const [source, size, target] of renders) {
  execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', join(OUT, target), join(OUT, source)]);
}
console.log(`icons written to ${OUT}`);
