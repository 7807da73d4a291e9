import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { languageName } from '../i18n/index.ts';
import { useT } from './i18n-context.ts';
import { LoadingStatus } from './loading-status.tsx';
import { ReadAloud, type ReadAloudPart } from './read-aloud.tsx';

// The start screen: what this is, how long it takes, that nothing is kept, the language, "Commencer".
// Keyboard: Tab reaches each language button (Enter or Space chooses it) and then "Commencer".
// With several questionnaires offered, questionnaire-list.tsx (loaded with import() only then) puts
// their list in place of the questionnaire's own title, its duration and "Commencer".

export interface StartScreenProps {
  languages: string[];
  /** How long it takes, in minutes, from the shortest path to the longest (core/progress.ts: durationRange). */
  duration: { min: number; max: number };
  onLanguage: (language: string) => void;
  onStart: () => void;
  /** Moves focus to the title (when the kiosk has just forgotten the previous person). */
  focus: boolean;
  notice?: string | undefined;
  /** A new version of the app is waiting: offered here only, never during a run. */
  onUpdate?: (() => void) | undefined;
  /** The professional space is enabled (settings.json modes): a discreet link to #/pro. */
  onPro?: (() => void) | undefined;
  /**
   * The questionnaire is still on its way: the title and what this is show at once (from the
   * interface strings that come with the code), the rest of the screen when it has arrived.
   */
  loading?: boolean;
  /** The questionnaire's own title and intro (its locale's `title` and `intro`), once it has arrived. */
  questionnaire?: { title: string; intro: string } | undefined;
  /** Several questionnaires offered: what is read aloud and shown in place of the duration and "Commencer". */
  offer?: { parts: ReadAloudPart[]; node: ComponentChildren } | undefined;
}

export function StartScreen({ languages, duration, onLanguage, onStart, focus, notice, onUpdate, onPro, loading = false, questionnaire, offer }: StartScreenProps) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  useEffect(() => {
    document.title = t('ui.app.name');
  }, [t]);
  // The questionnaire's own words once it is there; until then (or over a list of several), what the interface says of any.
  const own = offer ? undefined : questionnaire;
  const title = own ? { key: 'title', text: own.title } : { key: 'ui.start.title', text: t('ui.start.title') };
  const what = own ? { key: 'intro', text: own.intro } : { key: 'ui.start.what', text: t('ui.start.what') };
  return (
    <section class="start" aria-labelledby="start-title">
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {onUpdate && (
        <div class="notice update-notice" role="status">
          <p class="update-notice__text">{t('ui.start.updateReady')}</p>
          <button type="button" class="button button--secondary" onClick={onUpdate}>
            {t('ui.start.update')}
          </button>
        </div>
      )}
      <h1 id="start-title" class="start__title" tabIndex={-1} ref={heading}>
        {title.text}
      </h1>
      <p class="start__lead">{what.text}</p>
      <ReadAloud
        id="start-read"
        parts={[
          title,
          what,
          ...(loading ? [] : (offer?.parts ?? [durationPart(t, duration)])),
          { key: 'ui.start.privacy', text: t('ui.start.privacy') },
        ]}
      />
      {loading ? (
        <LoadingStatus />
      ) : (
        <StartChoices languages={languages} duration={offer ? undefined : duration} onLanguage={onLanguage} onPro={onPro}>
          {offer?.node ?? (
            <button type="button" class="button button--primary button--large start__begin" onClick={onStart}>
              {t('ui.start.begin')}
              <span class="button__arrow" aria-hidden="true" />
            </button>
          )}
        </StartChoices>
      )}
    </section>
  );
}

/** « 5 à 10 minutes » (or « environ N minutes » when every path takes as long), with its key for a recording. */
export function durationPart(t: ReturnType<typeof useT>['t'], { min, max }: StartScreenProps['duration']): { key: string; text: string } {
  return min < max
    ? { key: 'ui.start.durationRange', text: t('ui.start.durationRange', { min, max, count: max }) }
    : { key: 'ui.start.duration', text: t('ui.start.duration', { count: max }) };
}

/** What the start screen offers once the questionnaire is there: how long (one questionnaire), the languages, then "Commencer" or the list. */
function StartChoices({ languages, duration, onLanguage, onPro, children }: Pick<StartScreenProps, 'languages' | 'onLanguage' | 'onPro'> & { duration: StartScreenProps['duration'] | undefined; children: ComponentChildren }) {
  const { t, language } = useT();
  return (
    <>
      <ul class="start__facts" role="list">
        {duration && <li class="start__fact start__fact--time">{durationPart(t, duration).text}</li>}
        <li class="start__fact start__fact--privacy">{t('ui.start.privacy')}</li>
      </ul>
      {languages.length > 1 && (
        <fieldset class="languages">
          <legend class="languages__legend">{t('ui.language.choose')}</legend>
          <ul class="languages__list" role="list">
            {languages.map((l) => (
              <li key={l}>
                <button type="button" class="button button--language" lang={l} aria-pressed={l === language} onClick={() => onLanguage(l)}>
                  {languageName(l)}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {children}
      {onPro && (
        <p class="start__pro">
          <a
            href="#/pro"
            class="start__pro-link"
            onClick={(event) => {
              event.preventDefault();
              onPro();
            }}
          >
            {t('ui.start.pro')}
          </a>
        </p>
      )}
    </>
  );
}
