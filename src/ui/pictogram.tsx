import type { LoadedQuestionnaire } from '../core/index.ts';
import { hasLocaleText, localeText, pictogramUrl } from './questionnaire-loader.ts';

// A questionnaire's pictograms are drawn from its drawings (inline SVG that the build checked and
// wrote into questionnaires/index.json: src/core/pictograms.ts), put once into the page as symbols
// of one hidden sprite, before the first question (prepareDrawings, while the start screen waits).
// A question then shows each one as <svg><use/></svg>: no request, no image document, no parsing.

const SVG = 'http://www.w3.org/2000/svg';
/** The sprite in the page, per questionnaire, with the drawings it holds. */
const sprites = new Map<string, { drawings: Record<string, string>; element: Element }>();

const symbolId = (questionnaire: string, name: string) => `pictogram-${questionnaire}-${name}`;
const viewBoxOf = (drawing: string) => /^<svg\b[^>]*\sviewBox="([^"]*)"/.exec(drawing)?.[1];

/** Puts the questionnaire's drawings into the page as symbols, once (again only if they changed). */
export function prepareDrawings(loaded: LoadedQuestionnaire): void {
  const { drawings } = loaded;
  const id = loaded.questionnaire.id;
  if (!drawings || typeof document === 'undefined' || sprites.get(id)?.drawings === drawings) return;
  const sprite = sprites.get(id)?.element ?? document.body.appendChild(document.createElementNS(SVG, 'svg'));
  sprite.setAttribute('class', 'pictogram-sprite');
  sprite.setAttribute('aria-hidden', 'true');
  // Each drawing becomes a symbol: its root's attributes (viewBox, fill, stroke…) carried over.
  sprite.innerHTML = Object.entries(drawings)
    .map(([name, drawing]) => drawing.replace(/^<svg\b/, `<symbol id="${symbolId(id, name)}"`).replace(/<\/svg>$/, '</symbol>'))
    .join('');
  sprites.set(id, { drawings, element: sprite });
}

/** A questionnaire pictogram, described by the locale's `pictograms.<name>` (or decorative when told); an <img> of its file where the index has no drawing. */
export function Pictogram({ loaded, language, name, decorative = false, size = 96 }: { loaded: LoadedQuestionnaire; language: string; name: string | undefined; decorative?: boolean; size?: number }) {
  if (!name) return null;
  const tree = loaded.locales[language];
  const alt = decorative || !hasLocaleText(tree, 'pictograms', name) ? '' : localeText(tree, 'pictograms', name);
  const drawing = loaded.drawings?.[name];
  if (drawing) {
    prepareDrawings(loaded);
    return (
      <svg class="pictogram" viewBox={viewBoxOf(drawing)} {...(alt ? { role: 'img', 'aria-label': alt } : { 'aria-hidden': 'true' })}>
        <use href={`#${symbolId(loaded.questionnaire.id, name)}`} />
      </svg>
    );
  }
  const src = pictogramUrl(loaded, name);
  if (!src) return null;
  return <img class="pictogram" src={src} alt={alt} width={size} height={size} />;
}
