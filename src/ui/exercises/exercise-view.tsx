import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { exerciseSettings, exerciseStep, startExercise, type ExerciseEvent, type ExerciseState } from '../../core/exercise-measure.ts';
import { CHOICE_EXERCISES, POINTER_EXERCISES } from '../../core/exercises.ts';
import type { ExerciseResult, LocaleTree, Question, QuestionnaireEvent } from '../../core/index.ts';
import { useT } from '../i18n-context.ts';
import { localeText } from '../questionnaire-loader.ts';
import { ReadAloud } from '../read-aloud.tsx';
import './exercises.css';

// The hands-on exercises, loaded with import() the first time one shows. Each kind turns what the
// person does into the core's exercise events; the core's reducer measures (success, attempts,
// misses, time) and the result goes to the machine as `exercise.done`.
//
// Friendly, not a test: encouragement, never "faux" nor red, "Je préfère passer" always there (in the
// question screen's actions). Pointer kinds (click, double-click, drag) have a focusable area: a key
// pressed there before any pointer gesture, or "Je n'utilise pas de souris", skips them as
// "no-pointer", never as a failure. The other kinds use native buttons and inputs.

export interface ExerciseViewProps {
  question: Question;
  tree: LocaleTree | undefined;
  /** The result already recorded (back on a done exercise), if any. */
  recorded: ExerciseResult | undefined;
  send: (event: QuestionnaireEvent) => void;
  /** The question screen's "passer" asks the view for a skipped result that keeps the tries so far. */
  skipRef: { current: ((reason: 'person' | 'no-pointer') => ExerciseResult) | null };
  /** The id of the "Continuer" button, focused once the exercise is over. */
  continueId: string;
}

const now = () => performance.now();

export function ExerciseView({ question, tree, recorded, send, skipRef, continueId }: ExerciseViewProps) {
  const { t } = useT();
  const spec = question.exercise ?? { type: 'click-target' };
  const settings = exerciseSettings(spec);
  const [round, setRound] = useState(0);
  const [state, setState] = useState<ExerciseState>(() => startExercise(spec, now()));
  const stateRef = useRef(state);
  stateRef.current = state;
  const [note, setNote] = useState<'tryAgain' | 'keepGoing' | null>(null);

  // A new question, or "Refaire": a fresh measurement.
  useLayoutEffect(() => {
    const fresh = startExercise(spec, now());
    stateRef.current = fresh;
    setState(fresh);
    setNote(null);
  }, [question.id, round]);

  const finishWith = (result: ExerciseResult) => {
    send({ type: 'exercise.done', result });
  };

  const dispatch = (event: ExerciseEvent) => {
    const before = stateRef.current;
    const after = exerciseStep(before, event);
    if (after === before) return;
    stateRef.current = after;
    setState(after);
    if (after.result) {
      setNote(null);
      finishWith(after.result);
    } else if (after.misses + after.pendingClicks > before.misses + before.pendingClicks && event.type !== 'hit') setNote('tryAgain');
    else if (after.done > before.done) setNote('keepGoing');
  };

  skipRef.current = (reason) => {
    const after = exerciseStep(stateRef.current, { type: 'skip', at: now(), reason });
    return after.result ?? { outcome: 'skipped', score: 0, attempts: 0, misses: 0, durationMs: 0, skippedReason: reason };
  };
  useEffect(() => () => void (skipRef.current = null), []);

  // Over: the calm "Continuer" takes the focus, so Enter goes on.
  const over = state.result ?? (round === 0 ? recorded : undefined);
  useEffect(() => {
    if (state.result) document.getElementById(continueId)?.focus();
  }, [state.result, continueId]);

  const id = `q-${question.id}`;
  const pointer = POINTER_EXERCISES.includes(settings.type);
  const how = t(`ui.exercise.how.${settings.type}`, { word: settings.word });

  let play: JSX.Element;
  const props: KindProps = { id, state, dispatch, tree, question, settings };
  switch (settings.type) {
    case 'click-target':
      play = <ClickTarget {...props} />;
      break;
    case 'double-click':
      play = <DoubleClick {...props} />;
      break;
    case 'drag-drop':
      play = <DragDrop {...props} />;
      break;
    case 'type-word':
      play = <TypeWord {...props} />;
      break;
    case 'scroll-find':
      play = <ScrollFind {...props} />;
      break;
    default:
      play = <Choices {...props} />;
  }

  // Read aloud: the question, how to do it, and the answers to choose from (each may have a recording).
  const readParts = [
    { key: `questions.${question.id}.text`, text: localeText(tree, 'questions', question.id, 'text') },
    { key: `ui.exercise.how.${settings.type}`, text: how },
    ...(CHOICE_EXERCISES.includes(settings.type)
      ? settings.choices.map((c, i) => ({ key: `questions.${question.id}.choices.${c}`, text: `${i + 1}. ${localeText(tree, 'questions', question.id, 'choices', c)}` }))
      : []),
  ];
  // One live region, there from the start, says what changes: "Essayez encore", then "Bravo, c'est réussi !".
  // (A region added with its text, as the feedback is, is not announced by every screen reader.)
  const said = over ? t(feedbackKey(over)) : note ? t(`ui.exercise.${note}`) : '';

  return (
    <div class={`exercise exercise--${settings.type}`} data-question={question.id} data-exercise={settings.type} data-state={over ? over.outcome : 'running'}>
      <ReadAloud id={`${id}-read`} parts={readParts} />
      <p class="visually-hidden" role="status">
        {state.result || note ? said : ''}
      </p>
      <p id={`${id}-how`} class="exercise__how">
        {how}
      </p>
      <p class="exercise__calm">{t('ui.exercise.calm')}</p>
      {over ? (
        <div class="exercise__over">
          <p class={`exercise__feedback exercise__feedback--${over.outcome}`}>
            <span class="exercise__feedback-icon" aria-hidden="true" />
            {t(feedbackKey(over))}
          </p>
          <button type="button" class="button button--tertiary exercise__again" onClick={() => setRound((r) => r + 1)}>
            {t('ui.exercise.again')}
          </button>
        </div>
      ) : (
        <>
          {play}
          <p class="exercise__note" aria-hidden="true">
            {note ? t(`ui.exercise.${note}`) : ''}
          </p>
          {pointer && (
            <button type="button" class="button button--tertiary exercise__no-pointer" onClick={() => dispatch({ type: 'skip', at: now(), reason: 'no-pointer' })}>
              {t('ui.exercise.noPointer')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function feedbackKey(result: ExerciseResult): string {
  if (result.outcome === 'skipped') return result.skippedReason === 'no-pointer' ? 'ui.exercise.done.noPointer' : 'ui.exercise.done.skipped';
  return `ui.exercise.done.${result.outcome}`;
}

interface KindProps {
  id: string;
  state: ExerciseState;
  dispatch: (event: ExerciseEvent) => void;
  tree: LocaleTree | undefined;
  question: Question;
  settings: ReturnType<typeof exerciseSettings>;
}

/** The area of a pointer exercise: focusable, so that a keyboard user who presses a key there is recognised (and skipped, not failed). */
function PointerArea({ id, dispatch, children, onMiss }: { id: string; dispatch: KindProps['dispatch']; children: ComponentChildren; onMiss?: () => void }) {
  const { t } = useT();
  const onKeyDown = (event: KeyboardEvent) => {
    if (['Enter', ' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) {
      event.preventDefault();
      event.stopPropagation();
      dispatch({ type: 'key', at: now() });
    }
  };
  return (
    <div
      id={`${id}-area`}
      class="exercise__area"
      role="group"
      tabIndex={0}
      aria-label={t('ui.exercise.area')}
      aria-describedby={`${id}-how ${id}-keyboard`}
      onKeyDown={onKeyDown}
      onClick={() => (onMiss ? onMiss() : dispatch({ type: 'miss', at: now() }))}
    >
      {children}
      <span id={`${id}-keyboard`} class="visually-hidden">
        {t('ui.exercise.keyboardHint')}
      </span>
    </div>
  );
}

/** Where each successive target shows, in % of the area (inline start, block start). */
const SPOTS: [number, number][] = [
  [15, 20],
  [70, 55],
  [35, 70],
  [80, 15],
  [50, 40],
  [10, 65],
  [60, 80],
  [25, 35],
  [85, 75],
  [45, 10],
];

function ClickTarget({ id, state, dispatch, settings }: KindProps) {
  const [x, y] = SPOTS[state.done % SPOTS.length] ?? [50, 50];
  const style = { insetInlineStart: `calc(${x}% - ${(settings.size * x) / 100}px)`, insetBlockStart: `calc(${y}% - ${(settings.size * y) / 100}px)`, inlineSize: `${settings.size}px`, blockSize: `${settings.size}px` };
  return (
    <PointerArea id={id} dispatch={dispatch}>
      <span
        key={state.done}
        class="exercise__target"
        data-target={state.done}
        style={style}
        onClick={(event) => {
          event.stopPropagation();
          dispatch({ type: 'hit', at: now() });
        }}
      />
    </PointerArea>
  );
}

function DoubleClick({ id, dispatch }: KindProps) {
  const { t } = useT();
  return (
    <PointerArea id={id} dispatch={dispatch}>
      <span
        class="exercise__folder"
        onClick={(event) => {
          event.stopPropagation();
          dispatch({ type: 'hit', at: now() });
        }}
        onDblClick={(event) => {
          event.stopPropagation();
          dispatch({ type: 'dblclick', at: now() });
        }}
      >
        <span class="exercise__folder-icon" aria-hidden="true" />
        <span class="exercise__folder-name">{t('ui.exercise.folder')}</span>
      </span>
    </PointerArea>
  );
}

function DragDrop({ id, dispatch }: KindProps) {
  const { t } = useT();
  const item = useRef<HTMLSpanElement>(null);
  const zone = useRef<HTMLSpanElement>(null);
  const drag = useRef<{ x: number; y: number; pointer: number; moved: boolean } | null>(null);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const [dragging, setDragging] = useState(false);

  const onPointerDown = (event: PointerEvent) => {
    event.stopPropagation();
    event.preventDefault();
    drag.current = { x: event.clientX, y: event.clientY, pointer: event.pointerId, moved: false };
    item.current?.setPointerCapture?.(event.pointerId);
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent) => {
    const d = drag.current;
    if (!d || d.pointer !== event.pointerId) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (Math.abs(dx) + Math.abs(dy) > 6) d.moved = true;
    setOffset({ x: dx, y: dy });
  };
  const onPointerUp = (event: PointerEvent) => {
    const d = drag.current;
    if (!d || d.pointer !== event.pointerId) return;
    drag.current = null;
    setDragging(false);
    setOffset({ x: 0, y: 0 });
    if (!d.moved) return; // A press without moving is no attempt.
    const box = zone.current?.getBoundingClientRect();
    const onZone = !!box && event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    dispatch({ type: 'drop', at: now(), onZone });
  };

  return (
    <PointerArea id={id} dispatch={dispatch} onMiss={() => undefined}>
      <span ref={zone} class="exercise__zone">
        <span class="exercise__zone-icon" aria-hidden="true" />
        <span class="exercise__zone-name">{t('ui.exercise.zone')}</span>
      </span>
      <span
        ref={item}
        class={`exercise__item${dragging ? ' exercise__item--dragging' : ''}`}
        style={{ transform: `translate(${offset.x}px, ${offset.y}px)` }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClick={(event) => event.stopPropagation()}
      >
        <span class="exercise__item-icon" aria-hidden="true" />
        <span class="exercise__item-name">{t('ui.exercise.item')}</span>
      </span>
    </PointerArea>
  );
}

function TypeWord({ id, dispatch, settings }: KindProps) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const submit = () => {
    dispatch({ type: 'submit', at: now(), value: input.current?.value ?? '' });
    input.current?.focus();
  };
  return (
    <div class="exercise__type">
      <p class="exercise__word" lang="fr">
        <span class="visually-hidden">{t('ui.exercise.wordLabel')} </span>
        {settings.word}
      </p>
      <label class="exercise__label" for={`${id}-input`}>
        {t('ui.exercise.typeHere')}
      </label>
      <div class="exercise__type-row">
        <input
          ref={input}
          id={`${id}-input`}
          class="exercise__input"
          type="text"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          aria-describedby={`${id}-how`}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            event.stopPropagation();
            submit();
          }}
        />
        <button type="button" class="button button--secondary" onClick={submit}>
          {t('ui.exercise.check')}
        </button>
      </div>
    </div>
  );
}

function ScrollFind({ id, dispatch, settings }: KindProps) {
  const { t } = useT();
  const lines = Array.from({ length: settings.lines }, (_, i) => i + 1);
  const decoys = new Map([
    [Math.max(2, Math.floor(settings.lines / 4)), 'ui.exercise.scroll.decoyBack'],
    [Math.max(3, Math.floor(settings.lines / 2)), 'ui.exercise.scroll.decoyCancel'],
  ]);
  const press = (right: boolean) => dispatch({ type: right ? 'hit' : 'miss', at: now() });
  return (
    <div id={`${id}-page`} class="exercise__scroll" role="region" tabIndex={0} aria-label={t('ui.exercise.scroll.page')}>
      {lines.map((n) => (
        <div key={n} class="exercise__line">
          <p>{t('ui.exercise.scroll.line', { n })}</p>
          {decoys.has(n) && (
            <button type="button" class="button button--secondary exercise__decoy" onClick={() => press(false)}>
              {t(decoys.get(n) ?? '')}
            </button>
          )}
        </div>
      ))}
      <button type="button" class="button button--primary exercise__found" onClick={() => press(true)}>
        {t('ui.exercise.scroll.target')}
      </button>
    </div>
  );
}

function Choices({ state, dispatch, tree, question, settings }: KindProps) {
  const { t } = useT();
  const list = CHOICE_EXERCISES.includes(settings.type) ? settings.choices : [];
  return (
    <ul class={`exercise__choices exercise__choices--${settings.type}`} role="list">
      {list.map((choice) => {
        const spent = state.wrongChoices.includes(choice);
        return (
          <li key={choice} class="exercise__choice-item">
            <button
              type="button"
              class={`exercise__choice${spent ? ' exercise__choice--spent' : ''}`}
              data-choice={choice}
              aria-disabled={spent}
              onClick={() => !spent && dispatch({ type: 'choose', at: now(), choice })}
            >
              {localeText(tree, 'questions', question.id, 'choices', choice)}
              {spent && <span class="exercise__choice-spent">{t('ui.exercise.notThisOne')}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
