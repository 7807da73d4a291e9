import type { ResultScreenProps } from './result-screen.tsx';
import { useLazy } from './use-lazy.ts';
import { LoadingStatus } from './loading-status.tsx';

const loadResultScreen = () => import('./result-screen.tsx');

/** The result screen, loaded with import() when a run ends or a shared result is opened. */
export function LazyResult(props: ResultScreenProps) {
  const module = useLazy(loadResultScreen);
  if (!module) return <LoadingStatus />;
  return <module.ResultScreen {...props} />;
}
