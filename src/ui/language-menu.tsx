import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { languageName } from '../i18n/index.ts';
import { useT } from './i18n-context.ts';

// The header's language menu, on every screen: a disclosure button showing the current language
// in its own name, opening the list of languages, each named in itself with its own lang
// attribute. Choosing one keeps the place and the answers (the kiosk reloads only the texts).
// Keyboard: Enter or Space opens; Tab walks the list; Escape closes and gives the focus back to the
// button, as does choosing a language; the list closes when the focus or a click goes elsewhere.

export interface LanguageMenuProps {
  languages: string[];
  onLanguage: (language: string) => void;
}

export function LanguageMenu({ languages, onLanguage }: LanguageMenuProps) {
  const { t, language } = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const listId = `${useId()}-languages`;

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) toggle.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[aria-current="true"], .language-menu__option')?.focus();
    const outside = (event: Event) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  if (languages.length < 2) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    // The question screen's digits pick answers anywhere else, never from the language menu.
    if (/^[0-9]$/.test(event.key)) event.stopPropagation();
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    close(true);
  };

  return (
    <div class="language-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        class="button button--tertiary language-menu__toggle"
        aria-expanded={open}
        aria-controls={listId}
        ref={toggle}
        onClick={() => setOpen(!open)}
      >
        <span class="language-menu__icon" aria-hidden="true" />
        <span class="language-menu__label">{t('ui.language.label')}</span>
        <span class="language-menu__current" lang={language}>
          {languageName(language)}
        </span>
        <span class="language-menu__chevron" aria-hidden="true" />
      </button>
      <ul id={listId} class="language-menu__list" role="list" hidden={!open}>
        {languages.map((l) => (
          <li key={l}>
            <button
              type="button"
              class="language-menu__option"
              lang={l}
              aria-current={l === language ? 'true' : undefined}
              onClick={() => {
                close(true);
                if (l !== language) onLanguage(l);
              }}
            >
              {languageName(l)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
