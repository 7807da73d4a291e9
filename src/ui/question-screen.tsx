import type { FunctionComponent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  isAnswered,
  type Answers,
  type ExerciseResult,
  type LoadedQuestionnaire,
  type OptionId,
  type Question,
  type QuestionKind,
  type QuestionnaireEvent,
} from '../core/index.ts';
import { useT } from './i18n-context.ts';
import { Pictogram } from './pictogram.tsx';
import { localeText } from './questionnaire-loader.ts';
import { ReadAloud } from './read-aloud.tsx';
import { StepProgress } from './step-progress.tsx';
import { useLazy } from './use-lazy.ts';
import { LoadingStatus } from './loading-status.tsx';

/** The exercises' screens, loaded with import() the first time one shows (never with the first question). */
const loadExercises = () =>
  Promise.all([import('./exercises/exercise-view.tsx'), import('../i18n/exercise.ts').then((m) => m.loadExerciseStrings())]).then(([views]) => views);

// One generic view for every question kind: the heading (with "Étape X sur Y"), the pictogram,
// read-aloud, the kind's own body, and "Précédent" / "Suivant".
//
// Keyboard (RGAA 7.3, 12.8): Tab moves between the answers group and the buttons; the arrow keys
// move within a group of radio buttons; Space ticks; Enter (on an answer or on the heading) goes
// on ("Suivant"); the digits 1–9
// pick the answer with that number. Focus moves to the new question's heading (RGAA 12.8, 7.1).

export interface QuestionViewProps {
  question: Question;
  loaded: LoadedQuestionnaire;
  answers: Answers;
  send: (event: QuestionnaireEvent) => void;
  /** Exercises: where the view hands "Je préfère passer" a result that keeps the tries so far. */
  skipRef?: { current: ((reason: 'person' | 'no-pointer') => ExerciseResult) | null };
}

/** What each question kind shows inside the screen; a new kind (the exercises) adds its view here. */
export interface QuestionView {
  body: FunctionComponent<QuestionViewProps> | null;
  /** Whether the body is a group of answers, shown in a fieldset whose legend is the question. */
  grouped: boolean;
}

const choiceView: QuestionView = { body: ChoiceOptions, grouped: true };
export const QUESTION_VIEWS: Record<QuestionKind, QuestionView> = {
  single: choiceView,
  'yes-no': choiceView,
  scale: choiceView,
  multiple: choiceView,
  info: { body: null, grouped: false },
  exercise: { body: ExerciseStep, grouped: false },
};

export interface QuestionScreenProps extends QuestionViewProps {
  step: { current: number; total: number };
  canGoBack: boolean;
  /** The answers as they are right now, which may be ahead of the last render when keys come fast. */
  currentAnswers?: () => Answers;
}

export function QuestionScreen({ question, loaded, answers, send, step, canGoBack, currentAnswers }: QuestionScreenProps) {
  const { t, language } = useT();
  const tree = loaded.locales[language];
  const heading = useRef<HTMLHeadingElement>(null);
  const [missing, setMissing] = useState(false);
  const view = QUESTION_VIEWS[question.kind];
  const options = question.options ?? [];
  const id = `q-${question.id}`;
  const text = localeText(tree, 'questions', question.id, 'text');
  const stepText = t('ui.question.step', { current: step.current, total: step.total });
  const last = step.current >= step.total;
  const exercise = question.kind === 'exercise';
  const exerciseDone = exercise && isAnswered(question, answers);
  const skipRef = useRef<((reason: 'person' | 'no-pointer') => ExerciseResult) | null>(null);

  // Before the browser paints, so a key pressed right away already belongs to the new question.
  useLayoutEffect(() => {
    setMissing(false);
    heading.current?.focus();
  }, [question.id]);

  useEffect(() => {
    document.title = t('ui.app.pageTitle', { page: stepText });
  }, [stepText, t]);

  const select = (option: OptionId) => {
    setMissing(false);
    send({ type: 'answer.select', option });
  };

  // Digits 1–9 pick an answer, wherever the focus is on this screen. One listener for the screen's
  // life, reading the latest question through a ref, so a fast key never reaches a stale one.
  const onDigit = useRef<(event: KeyboardEvent) => void>(() => undefined);
  onDigit.current = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input[type=text], textarea, select, [role=alertdialog], [inert]')) return;
    // Enter on the question's heading (where the focus lands) goes on, as on an answer.
    if (event.key === 'Enter' && (target === heading.current || target === document.body)) {
      next(event);
      return;
    }
    if (!view.grouped || !/^[1-9]$/.test(event.key)) return;
    const option = options[Number(event.key) - 1];
    if (!option) return;
    event.preventDefault();
    select(option.id);
    document.getElementById(`${id}-${option.id}`)?.focus();
  };
  useLayoutEffect(() => {
    const listener = (event: KeyboardEvent) => onDigit.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const next = (event: Event) => {
    event.preventDefault();
    if (!isAnswered(question, currentAnswers?.() ?? answers) && question.kind !== 'exercise') {
      setMissing(true);
      const first = options[0];
      if (first) document.getElementById(`${id}-${first.id}`)?.focus();
      return;
    }
    send({ type: 'nav.next' });
  };

  // Enter on an answer goes on, for checkboxes as for radio buttons.
  const onFormKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLInputElement;
    if (event.key === 'Enter' && target.tagName === 'INPUT' && (target.type === 'radio' || target.type === 'checkbox')) next(event);
  };

  // "Je préfère passer": the exercise is recorded as skipped by the person (its tries so far kept), and the run goes on.
  const skip = () => {
    const result = skipRef.current?.('person') ?? { outcome: 'skipped', score: 0, attempts: 0, misses: 0, durationMs: 0, skippedReason: 'person' };
    send({ type: 'exercise.done', result });
    send({ type: 'nav.next' });
  };

  const readText = [text, ...options.map((o, i) => `${i + 1}. ${localeText(tree, 'questions', question.id, 'options', o.id)}`)].join('\n');
  const title = (
    <h1 id={`${id}-title`} class="question__title" tabIndex={-1} ref={heading}>
      <span class="question__step">{stepText}</span>
      <span class="question__text">{text}</span>
    </h1>
  );
  const describedBy = [`${id}-hint`, missing ? `${id}-error` : ''].filter(Boolean).join(' ');
  const Body = view.body;
  const body = Body ? <Body question={question} loaded={loaded} answers={answers} skipRef={skipRef} send={(e) => (e.type === 'answer.select' ? select(e.option) : send(e))} /> : null;
  const media = (
    <div class="question__media">
      <Pictogram loaded={loaded} language={language} name={question.pictogram} />
      {/* An exercise reads its own instructions aloud, once its screen has loaded. */}
      {!exercise && <ReadAloud id={`${id}-read`} text={readText} />}
    </div>
  );

  return (
    <section class="question" aria-labelledby={`${id}-title`}>
      <StepProgress current={step.current} total={step.total} />
      <form class="question__form" onSubmit={next} onKeyDown={onFormKey} noValidate>
        {view.grouped ? (
          <fieldset class="question__group" aria-describedby={describedBy}>
            <legend class="question__legend">{title}</legend>
            {media}
            <p id={`${id}-hint`} class="question__hint">
              {t(question.kind === 'multiple' ? 'ui.question.hintMultiple' : 'ui.question.hintSingle')}{' '}
              <span class="question__hint-keys">{t('ui.question.hintKeys')}</span>
            </p>
            {missing && (
              <p id={`${id}-error`} class="question__error" role="alert">
                <span class="question__error-icon" aria-hidden="true">!</span>
                {t('ui.question.required')}
              </p>
            )}
            {body}
          </fieldset>
        ) : (
          <div class="question__group">
            {title}
            {media}
            {body}
          </div>
        )}
        <div class="question__actions">
          {canGoBack && (
            <button type="button" class="button button--secondary" onClick={() => send({ type: 'nav.back' })}>
              <span class="button__arrow button__arrow--back" aria-hidden="true" />
              {t('ui.question.back')}
            </button>
          )}
          {exercise && !exerciseDone ? (
            <button type="button" class="button button--secondary exercise-skip" onClick={skip}>
              {t('ui.exercise.skip')}
            </button>
          ) : (
            <button type="submit" id={`${id}-continue`} class="button button--primary">
              {t(last ? 'ui.question.seeResult' : exercise ? 'ui.exercise.continue' : 'ui.question.next')}
              <span class="button__arrow" aria-hidden="true" />
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** Answers as large cards: native radio buttons or checkboxes, the whole card being the label. */
function ChoiceOptions({ question, loaded, answers, send }: QuestionViewProps) {
  const { language } = useT();
  const tree = loaded.locales[language];
  const multiple = question.kind === 'multiple';
  const answer = answers[question.id];
  const chosen: OptionId[] = answer?.type === 'choice' ? [answer.option] : answer?.type === 'choices' ? answer.options : [];
  return (
    <ul class={`options options--${question.kind}`} role="list">
      {(question.options ?? []).map((option, i) => {
        const inputId = `q-${question.id}-${option.id}`;
        return (
          <li key={option.id} class="options__item">
            <label class="option" for={inputId}>
              <input
                id={inputId}
                class="option__input"
                type={multiple ? 'checkbox' : 'radio'}
                name={`q-${question.id}`}
                value={option.id}
                checked={chosen.includes(option.id)}
                onChange={() => send({ type: 'answer.select', option: option.id })}
              />
              {i < 9 && (
                <span class="option__number" aria-hidden="true">
                  {i + 1}
                </span>
              )}
              <Pictogram loaded={loaded} language={language} name={option.pictogram} decorative size={48} />
              <span class="option__text">{localeText(tree, 'questions', question.id, 'options', option.id)}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** An exercise: its screen comes with import() the first time one shows. */
function ExerciseStep({ question, loaded, answers, send, skipRef }: QuestionViewProps) {
  const { language } = useT();
  const module = useLazy(loadExercises);
  if (!module) return <LoadingStatus />;
  const answer = answers[question.id];
  return (
    <module.ExerciseView
      question={question}
      tree={loaded.locales[language]}
      recorded={answer?.type === 'exercise' ? answer.result : undefined}
      send={send}
      skipRef={skipRef ?? { current: null }}
      continueId={`q-${question.id}-continue`}
    />
  );
}
