import { useT } from './i18n-context.ts';

/** "Chargement…", announced politely, wherever a screen or a part of one is on its way. */
export function LoadingStatus() {
  const { t } = useT();
  return (
    <p class="loading" role="status">
      {t('ui.app.loading')}
    </p>
  );
}
