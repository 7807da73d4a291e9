import { useEffect, useRef } from 'preact/hooks';
import type { Problem } from '../core/index.ts';
import { problemLine } from '../i18n/validation.ts';
import { useT } from './i18n-context.ts';

// Never a white screen: what went wrong in the current language, the validator's messages when a
// file is broken, and "Réessayer" first (a run in progress is taken up again, nothing is lost);
// erasing the answers is a separate choice, never the first. A broken file's problems are written
// with the validator's messages, which the app loads (loadValidationStrings) before it shows them.

export interface ErrorScreenProps {
  title: string;
  text: string;
  problems?: Problem[] | undefined;
  /** Tries again: loads what failed, and takes up a run in progress where it was. */
  onRetry: () => void;
  /** The first button's text key, when "Réessayer" is not what it does (a broken link: « Aller à l'accueil »). */
  retryKey?: string | undefined;
  /** Erases the person's answers and starts again: offered beside "Réessayer", never instead of it. */
  onWipe?: (() => void) | undefined;
}

export function ErrorScreen({ title, text, problems, onRetry, retryKey = 'ui.error.retry', onWipe }: ErrorScreenProps) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    document.title = t('ui.app.pageTitle', { page: title });
  }, [title, t]);
  const errors = (problems ?? []).filter((p) => p.severity === 'error');
  return (
    <section class="error-screen" aria-labelledby="error-title">
      <h1 id="error-title" class="error-screen__title" tabIndex={-1} ref={heading}>
        <span class="error-screen__icon" aria-hidden="true">!</span>
        {title}
      </h1>
      <p>{text}</p>
      {errors.length > 0 && (
        <div class="error-screen__details">
          <h2>{t('ui.error.details')}</h2>
          <ul class="problems" role="list">
            {errors.map((p, i) => (
              <li key={i} class="problems__item">
                {problemLine(p, t)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="error-screen__actions">
        <button type="button" class="button button--primary" onClick={onRetry}>
          {t(retryKey)}
        </button>
        {onWipe && (
          <button type="button" class="button button--secondary" onClick={onWipe}>
            {t('ui.error.wipe')}
          </button>
        )}
      </div>
    </section>
  );
}
