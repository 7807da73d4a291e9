import type { ResultScreenProps } from './result-screen.tsx';
import { useLazy } from './use-lazy.ts';
import { LoadingStatus } from './loading-status.tsx';

/** The screen and its own strings (hours in words, French names kept in translations), together. */
const loadResultScreen = () =>
  Promise.all([import('./result-screen.tsx'), import('../i18n/result.ts').then((m) => m.loadResultStrings())]).then(([screen]) => screen);

/** The result screen, loaded with import() when a run ends or a shared result is opened. */
export function LazyResult(props: ResultScreenProps) {
  const module = useLazy(loadResultScreen);
  if (!module) return <LoadingStatus />;
  return <module.ResultScreen {...props} />;
}
