import type { ComponentChildren, ComponentType, FunctionComponent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Answers, ExerciseResult, LoadedQuestionnaire, OptionId, Question, QuestionKind, QuestionnaireEvent } from '../core/index.ts';
import type { RunController, RunView } from '../run/run-controller.ts';
import { useT } from './i18n-context.ts';
import { Pictogram } from './pictogram.tsx';
import { localeText } from './questionnaire-loader.ts';
import { describedByTexts, QuestionTexts, questionTexts } from './question-texts.tsx';
import { ReadAloud } from './read-aloud.tsx';
import { RichText } from './rich-text.tsx';
import { runKeyAction, type RunKeyAction, type RunVariant } from './run-keys.ts';
import { StepProgress } from './step-progress.tsx';
import { useLazy } from './use-lazy.ts';
import { LoadingStatus } from './loading-status.tsx';

/** The exercises' screens, loaded with import() the first time one shows (never with the first question). */
const loadExercises = () =>
  Promise.all([import('./exercises/exercise-view.tsx'), import('../i18n/exercise.ts').then((m) => m.loadExerciseStrings())]).then(([views]) => views);

/**
 * How long a run is on screen before its exercises' screens are fetched in the background, when its
 * questionnaire has any: on a first visit over a slow connection (the service worker's copies not
 * there yet), an exercise then shows at once rather than a round trip or two after its heading.
 */
const EXERCISES_AFTER_MS = 4000;
let exercisesFetched = false;

// One generic view for every question kind and for both ways of running a questionnaire: the
// kiosk (large answer cards, pictograms, read-aloud) and the professional interview (the same
// screen, denser, with the professional's layer beside it: notes, who answered, the shortcuts).
// The heading (with "Étape X sur Y"), the kind's own body, and "Précédent" / "Suivant". What a key
// does is the one key map of run-keys.ts; what the run does is the run controller's.
//
// Keyboard (RGAA 7.3, 12.8): Tab moves between the answers group and the buttons; the arrow keys
// move within a group of radio buttons; Space ticks; Enter (on an answer or on the heading) goes
// on ("Suivant"); the digits 1–9 pick the answer with that number. Focus moves to the new
// question's heading (RGAA 12.8, 7.1).

export interface QuestionViewProps {
  question: Question;
  loaded: LoadedQuestionnaire;
  answers: Answers;
  variant: RunVariant;
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

/** What the professional's layer is given. */
export interface RunLayerProps {
  run: RunController;
  view: RunView;
  question: Question;
}

/** The professional's layer over the question screen (src/ui/pro/run-layer.tsx): kept out of the kiosk's code. */
export interface RunLayer {
  /** Above the question: who the diagnostic is for. */
  header?: ComponentChildren;
  /** Under the answers: who answered, the question's note. */
  Below: ComponentType<RunLayerProps>;
  /** Beside the question: the general note, the shortcuts, whether it is saved. */
  Beside: ComponentType<RunLayerProps>;
}

export interface QuestionScreenProps {
  run: RunController;
  view: RunView;
  question: Question;
  loaded: LoadedQuestionnaire;
  variant?: RunVariant;
  layer?: RunLayer | undefined;
  /** False while drawn ahead, unseen behind the kiosk's start screen (app.tsx): no focus, no title, no keys until shown. */
  shown?: boolean;
}

/** Where a key was pressed, for the key map. */
function placeOf(target: HTMLElement | null, heading: HTMLElement | null, screen: HTMLElement | null) {
  const tag = target?.tagName;
  const type = (target as HTMLInputElement | null)?.type;
  const nowhere = !target || target === document.body;
  return {
    onHeading: nowhere || target === heading,
    // Single-key shortcuts work only where the question has the focus (or nothing has), never in
    // the header, the skip link or a notice (WCAG 2.1.4: active only on focus).
    outside: !nowhere && !screen?.contains(target),
    onAnswer: tag === 'INPUT' && (type === 'radio' || type === 'checkbox') && !!target?.closest('.options'),
    onButton: tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY',
    inText: !!target?.closest('textarea, select, input:not([type=radio]):not([type=checkbox]):not([type=button]):not([type=submit])'),
    inNote: tag === 'TEXTAREA',
    elsewhere: !!target?.closest('[role=alertdialog], [role=dialog], [inert], .language-menu, .pro-nav, .pro-shell__tools'),
  };
}

export function QuestionScreen({ run, view, question, loaded, variant = 'kiosk', layer, shown = true }: QuestionScreenProps) {
  const { t, language } = useT();
  const tree = loaded.locales[language];
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  const [missing, setMissing] = useState(false);
  const kind = QUESTION_VIEWS[question.kind];
  const options = question.options ?? [];
  const id = `q-${question.id}`;
  const pro = variant === 'pro';
  const { answers } = view.context;
  const { step } = view;
  const text = localeText(tree, 'questions', question.id, 'text');
  const stepText = t(step.exact ? 'ui.question.step' : 'ui.question.stepAtMost', { current: step.current, total: step.total });
  const exercise = question.kind === 'exercise';
  const exerciseDone = exercise && answers[question.id] !== undefined;
  const skipRef = useRef<((reason: 'person' | 'no-pointer') => ExerciseResult) | null>(null);

  // Before the browser paints, so a key pressed right away already belongs to the new question.
  // Each question opens at the top of the page, as a new page would: the header and any notice
  // (storage, a changed questionnaire) above the heading are in view, not left scrolled away.
  useLayoutEffect(() => {
    setMissing(false);
    if (!shown) return;
    document.documentElement.scrollTop = 0;
    heading.current?.focus({ preventScroll: true });
  }, [question.id, shown]);

  useEffect(() => {
    if (shown) document.title = t('ui.app.pageTitle', { page: stepText });
  }, [stepText, t, shown]);

  useEffect(() => {
    if (!shown || exercisesFetched || !loaded.questionnaire.questions.some((q) => q.kind === 'exercise')) return undefined;
    const later = setTimeout(() => {
      exercisesFetched = true;
      loadExercises().catch(() => (exercisesFetched = false));
    }, EXERCISES_AFTER_MS);
    return () => clearTimeout(later);
  }, [shown, loaded]);

  const select = (option: OptionId) => {
    setMissing(false);
    run.select(option);
  };

  const next = () => {
    if (run.next()) return;
    // An exercise goes on once done or passed; a question waits for its answer, and says so.
    if (exercise) return;
    setMissing(true);
    const first = options[0];
    if (first) document.getElementById(`${id}-${first.id}`)?.focus();
  };

  // "Je préfère passer": the exercise is recorded as skipped by the person (its tries so far kept), and the run goes on.
  const skip = () => {
    const result = skipRef.current?.('person') ?? { outcome: 'skipped', score: 0, attempts: 0, misses: 0, durationMs: 0, skippedReason: 'person' };
    run.skipExercise(result);
  };

  const act = (action: RunKeyAction) => {
    switch (action.type) {
      case 'pick': {
        const option = options[action.index];
        if (!option) return false;
        select(option.id);
        document.getElementById(`${id}-${option.id}`)?.focus();
        return true;
      }
      case 'next':
        next();
        return true;
      case 'back':
        if (view.canGoBack) run.back();
        return true;
      case 'skip':
        if (!exerciseDone) skip();
        return true;
      case 'source':
        run.answeredBy(question.id, action.source);
        return true;
      case 'focus':
        (action.target === 'heading' ? heading.current : document.getElementById(action.target === 'note' ? 'pro-note' : 'pro-general-note'))?.focus();
        return true;
    }
  };

  // One listener for the screen's life, reading the latest question through a ref, so a fast key never reaches a stale one.
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
  onKey.current = (event: KeyboardEvent) => {
    if (event.defaultPrevented || !shown) return;
    const place = { variant, picks: kind.grouped, exercise, ...placeOf(event.target as HTMLElement | null, heading.current, section.current) };
    const action = runKeyAction(event, place);
    if (action && act(action)) event.preventDefault();
  };
  useLayoutEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // Read aloud part by part, each with its text's key: a recording the questionnaire ships plays first.
  const readParts = [
    { key: `questions.${question.id}.text`, text },
    ...questionTexts(question, tree),
    ...options.map((o, i) => ({ key: `questions.${question.id}.options.${o.id}`, text: `${i + 1}. ${localeText(tree, 'questions', question.id, 'options', o.id)}` })),
  ];
  const title = (
    <h1 id={`${id}-title`} class="question__title" tabIndex={-1} ref={heading}>
      <span class="question__step">{stepText}</span>
      <span class="question__text">
        <RichText text={text} />
      </span>
    </h1>
  );
  const describedBy = [...describedByTexts(question, tree, id), `${id}-hint`, missing ? `${id}-error` : ''].filter(Boolean).join(' ');
  // The question's own texts (its hint; an info screen's body and links), under its heading.
  const texts = <QuestionTexts question={question} tree={tree} id={id} />;
  const Body = kind.body;
  const send = (event: QuestionnaireEvent) => {
    if (event.type === 'answer.select') select(event.option);
    else if (event.type === 'exercise.done') run.exerciseDone(event.result);
  };
  const body = Body ? <Body question={question} loaded={loaded} answers={answers} variant={variant} skipRef={skipRef} send={send} /> : null;
  // The professional reads the question out; the kiosk shows its pictogram and reads it aloud.
  const media = pro ? null : (
    <div class="question__media">
      <Pictogram loaded={loaded} language={language} name={question.pictogram} />
      {/* An exercise reads its own instructions aloud, once its screen has loaded. */}
      {!exercise && <ReadAloud id={`${id}-read`} parts={readParts} />}
    </div>
  );
  const error = missing && (
    <p id={`${id}-error`} class="question__error" role="alert">
      <span class="question__error-icon" aria-hidden="true">!</span>
      {t('ui.question.required')}
    </p>
  );
  const keyHint = (key: string) =>
    pro ? (
      <>
        {' '}
        <kbd aria-hidden="true">{key}</kbd>
      </>
    ) : null;
  const layerProps = { run, view, question };

  const form = (
    <form
      class="question__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        next();
      }}
    >
      {kind.grouped ? (
        <fieldset class="question__group" aria-describedby={describedBy}>
          <legend class="question__legend">{title}</legend>
          {texts}
          {media}
          <p id={`${id}-hint`} class="question__hint">
            {t(question.kind === 'multiple' ? 'ui.question.hintMultiple' : 'ui.question.hintSingle')}{' '}
            <span class="question__hint-keys">{t('ui.question.hintKeys')}</span>
          </p>
          {error}
          {body}
        </fieldset>
      ) : (
        <div class="question__group">
          {title}
          {texts}
          {media}
          {body}
        </div>
      )}
      {layer && <layer.Below {...layerProps} />}
      <div class="question__actions">
        {view.canGoBack && (
          <button key="back" type="button" class="button button--secondary" onClick={() => run.back()}>
            <span class="button__arrow button__arrow--back" aria-hidden="true" />
            {t('ui.question.back')}
            {keyHint('R')}
          </button>
        )}
        {exercise && !exerciseDone ? (
          <button
            key="skip"
            type="button"
            class="button button--secondary exercise-skip"
            onClick={(event) => {
              // The next screen is drawn where this button was: nothing of this click may reach it.
              event.preventDefault();
              skip();
            }}
          >
            {t('ui.exercise.skip')}
            {keyHint('S')}
          </button>
        ) : (
          <button key="next" type="submit" id={`${id}-continue`} class="button button--primary">
            {t(view.last ? 'ui.question.seeResult' : exercise ? 'ui.exercise.continue' : 'ui.question.next')}
            <span class="button__arrow" aria-hidden="true" />
            {keyHint(t('pro.interview.keys.enterKey'))}
          </button>
        )}
      </div>
    </form>
  );

  return (
    <section ref={section} class={`question question--${variant}${pro ? ' pro-run' : ''}`} aria-labelledby={`${id}-title`}>
      {layer?.header}
      <StepProgress current={step.current} total={step.total} />
      {layer ? (
        <div class="pro-run__grid">
          {form}
          <layer.Beside {...layerProps} />
        </div>
      ) : (
        form
      )}
    </section>
  );
}

/** Answers as large cards (compact in the professional's view): native radio buttons or checkboxes, the whole card being the label. */
function ChoiceOptions({ question, loaded, answers, variant, send }: QuestionViewProps) {
  const { language } = useT();
  const tree = loaded.locales[language];
  const multiple = question.kind === 'multiple';
  const answer = answers[question.id];
  const chosen: OptionId[] = answer?.type === 'choice' ? [answer.option] : answer?.type === 'choices' ? answer.options : [];
  const dense = variant === 'pro';
  return (
    <ul class={`options options--${question.kind}${dense ? ' options--dense' : ''}`} role="list">
      {(question.options ?? []).map((option, i) => {
        const inputId = `q-${question.id}-${option.id}`;
        // Keyed by place: the next question's answers take this one's elements (their words, ids and
        // state change), which a cheap tablet draws sooner than new ones.
        return (
          <li key={i} class="options__item">
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
              {!dense && <Pictogram loaded={loaded} language={language} name={option.pictogram} decorative size={48} />}
              <span class="option__text">
                <RichText text={localeText(tree, 'questions', question.id, 'options', option.id)} />
              </span>
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
