// A questionnaire's pictograms are drawn in the page itself (inline SVG, written into
// questionnaires/index.json by the build), not loaded as images: an <img> of an SVG costs the
// browser a whole document of its own, and each one a request. So a pictogram may only draw: the
// elements and attributes below, nothing that runs, loads, links or styles the page. The build
// refuses any other (scripts/pictogram-files.ts names the file and what to remove).

/** The elements a pictogram may use. */
export const DRAWING_ELEMENTS: readonly string[] = ['svg', 'g', 'path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon'];

/** The attributes a pictogram may use (presentation and geometry only). */
export const DRAWING_ATTRIBUTES: readonly string[] = [
  'xmlns',
  'viewBox',
  'width',
  'height',
  'fill',
  'fill-rule',
  'fill-opacity',
  'clip-rule',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'opacity',
  'transform',
  'd',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'points',
];

export type PictogramProblemCode = 'pictogram.root' | 'pictogram.element' | 'pictogram.attribute' | 'pictogram.text' | 'pictogram.nesting';

export interface PictogramProblem {
  code: PictogramProblemCode;
  params: Record<string, string>;
}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const escape = (value: string) => value.replace(/&(?![a-zA-Z]+;|#\d+;|#x[\da-fA-F]+;)/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A pictogram file's drawing, as the page inlines it: the same elements and attributes, the root's
 * size left to the page's styles (its viewBox kept), comments and the XML declaration left out.
 */
export function drawingOf(text: string): { ok: true; markup: string } | { ok: false; problem: PictogramProblem } {
  const source = text
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  let at = 0;
  let out = '';
  const open: string[] = [];
  let roots = 0;
  while (at < source.length) {
    const next = source.indexOf('<', at);
    const between = source.slice(at, next === -1 ? undefined : next);
    if (between.trim()) return { ok: false, problem: { code: 'pictogram.text', params: { text: between.trim().slice(0, 40) } } };
    if (next === -1) break;
    TAG.lastIndex = next;
    const tag = TAG.exec(source);
    if (!tag) return { ok: false, problem: { code: 'pictogram.text', params: { text: source.slice(next, next + 40) } } };
    at = TAG.lastIndex;
    const [, closing, name = '', attributes = '', selfClosing] = tag;
    if (!DRAWING_ELEMENTS.includes(name)) return { ok: false, problem: { code: 'pictogram.element', params: { element: name, elements: DRAWING_ELEMENTS.join(', ') } } };
    if (closing) {
      if (open.pop() !== name) return { ok: false, problem: { code: 'pictogram.nesting', params: { element: name } } };
      out += `</${name}>`;
      continue;
    }
    if (open.length === 0 && (name !== 'svg' || roots++ > 0)) return { ok: false, problem: { code: 'pictogram.root', params: {} } };
    let written = '';
    let viewBox = false;
    for (const [, attribute = '', double, single] of attributes.matchAll(ATTRIBUTE)) {
      if (!DRAWING_ATTRIBUTES.includes(attribute)) return { ok: false, problem: { code: 'pictogram.attribute', params: { element: name, attribute } } };
      if (attribute === 'viewBox') viewBox = true;
      // The root's size is the page's (the pictogram's tile); its viewBox keeps the proportions.
      if (open.length === 0 && (attribute === 'width' || attribute === 'height')) continue;
      written += ` ${attribute}="${escape(double ?? single ?? '')}"`;
    }
    if (open.length === 0 && !viewBox) return { ok: false, problem: { code: 'pictogram.root', params: {} } };
    if (selfClosing) out += `<${name}${written}/>`;
    else {
      open.push(name);
      out += `<${name}${written}>`;
    }
  }
  if (open.length > 0 || roots === 0) return { ok: false, problem: { code: open.length ? 'pictogram.nesting' : 'pictogram.root', params: { element: open.at(-1) ?? 'svg' } } };
  return { ok: true, markup: out };
}
