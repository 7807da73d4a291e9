import { useLayoutEffect, useRef } from 'preact/hooks';
import { useT } from './i18n-context.ts';

/**
 * "Chargement…", announced politely, wherever a screen or a part of one is on its way. `holdFocus`:
 * it stands in for a screen that had the focus (a finished interview becoming its record), so the
 * focus waits here rather than fall to the page's body; the screen that follows takes it on.
 */
export function LoadingStatus({ holdFocus = false }: { holdFocus?: boolean }) {
  const { t } = useT();
  const self = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (holdFocus && (!active || active === document.body || !active.isConnected)) self.current?.focus();
  }, [holdFocus]);
  return (
    <p class="loading" role="status" ref={self} tabIndex={holdFocus ? -1 : undefined}>
      {t('ui.app.loading')}
    </p>
  );
}
