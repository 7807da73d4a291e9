import type { LoadedQuestionnaire } from '../core/index.ts';
import { hasLocaleText, localeText, pictogramUrl } from './questionnaire-loader.ts';

/** A questionnaire pictogram: an <img> of its SVG, described by the locale's `pictograms.<name>` (or decorative when told). */
export function Pictogram({ loaded, language, name, decorative = false, size = 96 }: { loaded: LoadedQuestionnaire; language: string; name: string | undefined; decorative?: boolean; size?: number }) {
  if (!name) return null;
  const src = pictogramUrl(loaded, name);
  if (!src) return null;
  const tree = loaded.locales[language];
  const alt = decorative || !hasLocaleText(tree, 'pictograms', name) ? '' : localeText(tree, 'pictograms', name);
  return <img class="pictogram" src={src} alt={alt} width={size} height={size} />;
}
