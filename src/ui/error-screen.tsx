import { useEffect, useRef } from 'preact/hooks';
import type { Problem } from '../core/index.ts';
import { formatProblem } from '../i18n/problems.ts';
import { useT } from './i18n-context.ts';

// Never a white screen: what went wrong in the current language, the validator's messages when a
// file is broken, and "Recommencer".

export interface ErrorScreenProps {
  title: string;
  text: string;
  problems?: Problem[] | undefined;
  onRestart: () => void;
}

export function ErrorScreen({ title, text, problems, onRestart }: ErrorScreenProps) {
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
                {formatProblem(p, t)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" class="button button--primary" onClick={onRestart}>
        {t('ui.error.restart')}
      </button>
    </section>
  );
}
