import { useEffect, useRef, useState } from 'preact/hooks';
import type { LoadedQuestionnaire, LocaleTree, QuestionnaireId, SessionRecord } from '../core/index.ts';
import { useT } from './i18n-context.ts';
import { fetchOnce, fetchQuestionnaire, hasLocaleText, localeText, type FetchText, type QuestionnaireChoice, type QuestionnaireEntry } from './questionnaire-loader.ts';
import { languageOf, localeUrl } from './start-files.ts';
import type { SessionEvents } from './session-events.ts';
import { durationPart, StartScreen, type StartScreenProps } from './start-screen.tsx';

// What a device offering several questionnaires needs, loaded with import() only there (the
// kiosk's first bundle carries none of it): each one's title and intro from its locale file alone,
// the run to resume among them, and the start screen that lists them.
// Keyboard: each questionnaire is one button, reached with Tab; Enter or Space starts it.

/** The titles and intros read so far, by language and questionnaires: a list shown again (or first, after the boot read them) draws at once. */
const read = new Map<string, QuestionnaireChoice[]>();
const keyOf = (entries: readonly QuestionnaireEntry[], language: string) => [language, ...entries.map((e) => `${e.id}@${e.contentHash}`)].join(' ');

/**
 * The title and intro of each questionnaire in a language (its default language where it has not
 * that one), from its locale file alone: never its structure, which waits until it is chosen. A
 * file that cannot be read leaves the questionnaire's id as its title; choosing it then says what is wrong.
 */
export async function fetchChoices(fetcher: FetchText, entries: readonly QuestionnaireEntry[], wanted: string): Promise<QuestionnaireChoice[]> {
  const choices = await Promise.all(
    entries.map(async (entry) => {
      const language = languageOf(entry, wanted);
      const tree = await fetchOnce(fetcher, localeUrl(entry.id, language), entry.contentHash)
        .then((text) => JSON.parse(text) as LocaleTree)
        .catch(() => undefined);
      return {
        id: entry.id,
        language,
        title: hasLocaleText(tree, 'title') ? localeText(tree, 'title') : entry.id,
        intro: hasLocaleText(tree, 'intro') ? localeText(tree, 'intro') : '',
        ...(entry.checked?.duration ? { duration: entry.checked.duration } : {}),
      };
    }),
  );
  read.set(keyOf(entries, wanted), choices);
  return choices;
}

/** The titles in the language on screen; while another language's are on their way, those at hand. */
function useChoices(fetcher: FetchText, entries: readonly QuestionnaireEntry[], language: string): QuestionnaireChoice[] | undefined {
  const key = keyOf(entries, language);
  const [, arrived] = useState(0);
  const last = useRef<QuestionnaireChoice[] | undefined>(undefined);
  useEffect(() => {
    if (!read.has(key)) void fetchChoices(fetcher, entries, language).then(() => arrived((n) => n + 1));
  }, [key]);
  last.current = read.get(key) ?? last.current;
  return last.current;
}

export interface QuestionnaireStartProps extends StartScreenProps {
  /** The questionnaires offered, in the settings' order. */
  entries: QuestionnaireEntry[];
  fetchText: FetchText;
  /** Starts the run on the questionnaire chosen. */
  onChoose: (id: string) => void;
}

/** The start screen of a device offering several questionnaires: what this is, the languages, and the list to choose from. */
export function QuestionnaireStart({ entries, fetchText, onChoose, ...start }: QuestionnaireStartProps) {
  const { t, language } = useT();
  const choices = useChoices(fetchText, entries, language);
  // Read aloud after the lead: the list's label, then each one's title and intro (its own recordings, if it has some).
  const parts = [{ key: 'ui.start.choose', text: t('ui.start.choose') }, ...(choices ?? []).flatMap((c) => [{ key: 'title', questionnaire: c.id, text: c.title }, { key: 'intro', questionnaire: c.id, text: c.intro }])];
  return (
    <StartScreen
      {...start}
      loading={!choices}
      offer={{ parts, node: choices && <QuestionnaireList choices={choices} onChoose={onChoose} /> }}
    />
  );
}

/** At start: the titles in the language on screen read (the list draws at once), and the run to resume, if any. */
export async function listStart(fetcher: FetchText, events: SessionEvents | undefined, entries: readonly QuestionnaireEntry[], language: string): Promise<SessionRecord | undefined> {
  const [record] = await Promise.all([newestRun(events, entries), fetchChoices(fetcher, entries, language)]);
  return record;
}

/**
 * The questionnaire chosen, in the language on screen (or its own default language, which the
 * interface then takes). Files that do not pass the check throw with their problems, for the error screen.
 */
export async function loadChosen(deps: { fetchText: FetchText; applyLanguage: (language: string) => Promise<void>; loadValidationStrings: () => Promise<unknown> }, entry: QuestionnaireEntry, language: string): Promise<{ loaded: LoadedQuestionnaire; language: string }> {
  const outcome = await fetchQuestionnaire(deps.fetchText, entry, language);
  if (!outcome.ok) {
    await deps.loadValidationStrings().catch(() => undefined);
    throw Object.assign(new Error(`${entry.id} does not load`), { problems: outcome.problems });
  }
  if (outcome.language !== language) await deps.applyLanguage(outcome.language);
  return outcome;
}

/** The newest kiosk run left unfinished among several questionnaires (a kiosk keeps one person's run at a time). */
async function newestRun(events: SessionEvents | undefined, entries: readonly QuestionnaireEntry[]): Promise<SessionRecord | undefined> {
  const resume = events?.resume;
  if (!resume) return undefined;
  const records = await Promise.all(entries.map((q) => resume(q.id as QuestionnaireId)));
  return records.filter((r) => r !== undefined).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/**
 * The questionnaires offered, one large button each: its title names it, its intro and duration
 * describe it, marked with their language (a questionnaire without the language on screen shows
 * its own default language's).
 */
function QuestionnaireList({ choices, onChoose }: { choices: QuestionnaireChoice[]; onChoose: (id: string) => void }) {
  const { t } = useT();
  return (
    <section class="start__choices" aria-labelledby="start-choose">
      <h2 id="start-choose" class="start__choose">
        {t('ui.start.choose')}
      </h2>
      <ul class="choices" role="list">
        {choices.map((c) => {
          const id = `choice-${c.id}`;
          const described = [c.intro ? `${id}-intro` : '', c.duration ? `${id}-time` : ''].filter(Boolean).join(' ');
          return (
            <li key={c.id}>
              <button type="button" class="choice" aria-labelledby={`${id}-title`} aria-describedby={described || undefined} onClick={() => onChoose(c.id)}>
                <span class="choice__title" id={`${id}-title`} lang={c.language} dir="auto">
                  {c.title}
                </span>
                {c.intro && (
                  <span class="choice__intro" id={`${id}-intro`} lang={c.language} dir="auto">
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
