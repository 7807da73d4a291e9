import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from './i18n-context.ts';
import { ReadAloud } from './read-aloud.tsx';

// "Vous êtes toujours là ?": a modal alert dialog with a countdown. Without an answer the kiosk
// forgets the person: the app machine's delayed transition does it, this only shows the seconds
// left. Keyboard: focus starts on "Oui, je continue"; Tab and Shift+Tab stay inside the dialog;
// Escape means "I am still here"; the app puts the focus back where it was once the dialog closes
// (RGAA 7.1, 7.3; WAI-ARIA alertdialog pattern).

export interface IdleDialogProps {
  seconds: number;
  onStay: () => void;
  onLeave: () => void;
}

export function IdleDialog({ seconds, onStay, onLeave }: IdleDialogProps) {
  const { t } = useT();
  const [left, setLeft] = useState(seconds);
  const dialog = useRef<HTMLDivElement>(null);
  const stay = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    stay.current?.focus();
  }, []);

  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = seconds - Math.floor((Date.now() - started) / 1000);
      setLeft(Math.max(0, remaining));
      if (remaining <= 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onStay();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button:not([disabled])')];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div class="dialog-backdrop">
      <div ref={dialog} class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" onKeyDown={onKeyDown}>
        <h2 id="idle-title" class="dialog__title">
          {t('ui.idle.title')}
        </h2>
        <p id="idle-text" class="dialog__text">
          {t('ui.idle.text', { count: seconds })}
        </p>
        <ReadAloud
          id="idle-read"
          parts={[
            { key: 'ui.idle.title', text: t('ui.idle.title') },
            { key: 'ui.idle.text', text: t('ui.idle.text', { count: seconds }) },
          ]}
        />
        <p class="dialog__countdown" aria-hidden="true">
          <span class="dialog__seconds">{left}</span>
        </p>
        <div class="dialog__actions">
          <button ref={stay} type="button" class="button button--primary" onClick={onStay}>
            {t('ui.idle.stay')}
          </button>
          <button type="button" class="button button--secondary" onClick={onLeave}>
            {t('ui.idle.leave')}
          </button>
        </div>
      </div>
    </div>
  );
}
