import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { languageName } from '../i18n/index.ts';
import { useT } from './i18n-context.ts';
import { LoadingStatus } from './loading-status.tsx';
import type { QuestionnaireChoice } from './questionnaire-loader.ts';
import { ReadAloud } from './read-aloud.tsx';

// The start screen: what this is, how long it takes, that nothing is kept, the language, "Commencer".
// With several questionnaires offered, a list of them instead of "Commencer": each one's own title,
// intro and duration, one large button each, that starts the run on it.
// Keyboard: Tab reaches each language button (Enter or Space chooses it) and then "Commencer" (or
// each questionnaire of the list).

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
  /** Several questionnaires offered: the list replaces "Commencer", and choosing one starts the run on it. */
  onChoose?: ((id: string) => void) | undefined;
  /** The questionnaires listed (their titles and intros), once they have arrived. */
  choices?: QuestionnaireChoice[] | undefined;
}

export function StartScreen({ languages, duration, onLanguage, onStart, focus, notice, onUpdate, onPro, loading = false, questionnaire, onChoose, choices = [] }: StartScreenProps) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  useEffect(() => {
    document.title = t('ui.app.name');
  }, [t]);
  // The questionnaire's own words once it is there; until then (or on a list of several), what the interface says of any.
  const own = onChoose ? undefined : questionnaire;
  const title = own ? { key: 'title', text: own.title } : { key: 'ui.start.title', text: t('ui.start.title') };
  const what = own ? { key: 'intro', text: own.intro } : { key: 'ui.start.what', text: t('ui.start.what') };
  // What is read aloud after the lead: how long it takes, or the list (each questionnaire's own recordings, if it has some).
  const offer = onChoose
    ? [{ key: 'ui.start.choose', text: t('ui.start.choose') }, ...choices.flatMap((c) => [{ key: 'title', questionnaire: c.id, text: c.title }, { key: 'intro', questionnaire: c.id, text: c.intro }])]
    : [durationPart(t, duration)];
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
          ...(loading ? [] : offer),
          { key: 'ui.start.privacy', text: t('ui.start.privacy') },
        ]}
      />
      {loading ? (
        <LoadingStatus />
      ) : (
        <StartChoices languages={languages} duration={onChoose ? undefined : duration} onLanguage={onLanguage} onPro={onPro}>
          {onChoose ? (
            <QuestionnaireList choices={choices} onChoose={onChoose} />
          ) : (
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
function durationPart(t: ReturnType<typeof useT>['t'], { min, max }: StartScreenProps['duration']): { key: string; text: string } {
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

/**
 * The questionnaires offered, one large button each: its title names it, its intro and duration
 * describe it. A questionnaire without the language on screen shows its own default language's
 * texts, marked with their language.
 */
function QuestionnaireList({ choices, onChoose }: { choices: QuestionnaireChoice[]; onChoose: (id: string) => void }) {
  const { t, language } = useT();
  return (
    <section class="start__choices" aria-labelledby="start-choose">
      <h2 id="start-choose" class="start__choose">
        {t('ui.start.choose')}
      </h2>
      <ul class="choices" role="list">
        {choices.map((c) => {
          const id = `choice-${c.id}`;
          const other = c.language === language ? {} : { lang: c.language, dir: 'auto' as const };
          const described = [c.intro ? `${id}-intro` : '', c.duration ? `${id}-time` : ''].filter(Boolean).join(' ');
          return (
            <li key={c.id}>
              <button type="button" class="choice" aria-labelledby={`${id}-title`} aria-describedby={described || undefined} onClick={() => onChoose(c.id)}>
                <span class="choice__title" id={`${id}-title`} {...other}>
                  {c.title}
                </span>
                {c.intro && (
                  <span class="choice__intro" id={`${id}-intro`} {...other}>
                    {c.intro}
                  </span>
                )}
                {c.duration && (
                  <span class="choice__time" id={`${id}-time`}>
                    {durationPart(t, c.duration).text}
                  </span>
                )}
                <span class="button__arrow choice__arrow" aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
