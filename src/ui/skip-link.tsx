import { useT } from './i18n-context.ts';

// « Aller au contenu »: the first thing Tab reaches, shown only then; it takes the focus to the
// screen's heading (or the main region), past the header and its language menu. The app routes on
// the URL fragment (#/pro, #/r?…), so the link moves the focus itself instead of changing it.
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useT();
  return (
    <a
      class="skip-link"
      href={`#${target}`}
      onClick={(event) => {
        event.preventDefault();
        const main = document.getElementById(target);
        const heading = main?.querySelector<HTMLElement>('h1');
        if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        if (main && !heading) main.tabIndex = -1;
        (heading ?? main)?.focus();
      }}
    >
      {t('ui.app.skipLink')}
    </a>
  );
}
