import { useT } from './i18n-context.ts';
import type { ResultScreenProps } from './result-screen.tsx';
import { useLazy } from './use-lazy.ts';

const loadResultScreen = () => import('./result-screen.tsx');

/** The result screen, loaded with import() when a run ends or a shared result is opened. */
export function LazyResult(props: ResultScreenProps) {
  const { t } = useT();
  const module = useLazy(loadResultScreen);
  if (!module) {
    return (
      <p class="loading" role="status">
        {t('ui.app.loading')}
      </p>
    );
  }
  return <module.ResultScreen {...props} />;
}
