import { languageName } from '../i18n/index.ts';
import { useT } from './i18n-context.ts';

/** The language, changeable at any moment of a run; the place and the answers are kept. */
export function LanguageSelect({ languages, onLanguage }: { languages: string[]; onLanguage: (language: string) => void }) {
  const { t, language } = useT();
  if (languages.length < 2) return null;
  return (
    <div class="language-select">
      <label for="language-select" class="language-select__label">
        {t('ui.language.label')}
      </label>
      <select id="language-select" class="language-select__control" value={language} onChange={(e) => onLanguage((e.target as HTMLSelectElement).value)}>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageName(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
