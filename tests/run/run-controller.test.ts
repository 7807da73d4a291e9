// The run controller: one run, whoever drives it. What it writes is derived from its actor's state,
// through one subscription; the kiosk and the professional interview are two views of it.
import { describe, expect, it } from 'vitest';
import { possibleAnswers, seededRandom, type Answer, type ExerciseResult, type LoadedQuestionnaire, type QuestionId, type SessionId } from '../../src/core/index.ts';
import { resumeOf } from '../../src/run/resume.ts';
import { createRun, prepareRun, type RunController, type RunEntry, type RunSink } from '../../src/run/run-controller.ts';
import { loadAutonomie } from '../core/autonomie.ts';
import { loadSample } from '../core/sample.ts';

const sample = loadSample();
const q = (id: string) => id as QuestionId;

/** A sink that keeps every write, in order, and checks that two writes never overlap. */
function recordingSink(options: { delayMs?: number; fail?: () => boolean } = {}) {
  const writes: RunEntry[] = [];
  const forgotten: SessionId[] = [];
  let inFlight = 0;
  let overlapped = false;
  const sink: RunSink = {
    async save(entry) {
      inFlight++;
      if (inFlight > 1) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      inFlight--;
      if (options.fail?.()) return { ok: false };
      writes.push(structuredClone(entry));
      return { ok: true };
    },
    async forget(id) {
      forgotten.push(id);
    },
  };
  return { sink, writes, forgotten, overlapped: () => overlapped, last: () => writes.at(-1) };
}

let clock = Date.parse('2026-05-04T09:00:00.000Z');
const now = () => new Date((clock += 1000)).toISOString();
let ids = 0;
const newId = () => `run-${++ids}` as SessionId;

/** Answers the question on screen as a person would (a drawn answer), then goes on; returns false at the result. */
function step(run: RunController, random: () => number): boolean {
  const view = run.view();
  if (!view.question) return false;
  const answers = possibleAnswers(view.question);
  const answer = answers[Math.floor(random() * answers.length)];
  if (answer) give(run, answer);
  run.next();
  return true;
}

function give(run: RunController, answer: Answer) {
  if (answer.type === 'choice') run.select(answer.option);
  else if (answer.type === 'choices') for (const option of answer.options) run.select(option);
  else run.exerciseDone(answer.result);
}

/** What two runs of the same answers must share: all but the record's own id, mode and times. */
function comparable(entry: RunEntry | undefined) {
  if (!entry) return undefined;
  const { id: _id, mode: _mode, startedAt: _s, updatedAt: _u, completedAt: _c, ...session } = entry.session;
  return { session, outcome: entry.outcome };
}

describe('the run controller', () => {
  it('writes a new run at once, then every change, the latest last, one write at a time', async () => {
    const { sink, writes, overlapped, last } = recordingSink({ delayMs: 2 });
    const run = createRun({ loaded: sample, mode: 'kiosk', language: 'fr', sink, now, newId });
    await run.flush();
    expect(writes).toHaveLength(1);
    expect(last()?.session).toEqual(expect.objectContaining({ mode: 'kiosk', questionnaireId: 'exemple', path: [q('bienvenue')], answers: {}, status: 'in-progress', language: 'fr' }));
    run.next();
    for (const option of ['smartphone', 'ordinateur', 'aucun', 'smartphone']) run.select(option as never);
    await run.flush();
    expect(overlapped()).toBe(false);
    // Quick changes are folded into the latest: never more writes than changes, and the last is the state now.
    expect(writes.length).toBeLessThanOrEqual(6);
    expect(last()?.session.answers).toEqual({ equipement: { type: 'choices', options: ['smartphone'] } });
    expect(comparable(last())).toEqual(comparable(run.entry()));
    run.stop();
  });

  it('does not move on without an answer, and says so to the screen', () => {
    const run = createRun({ loaded: sample, mode: 'kiosk', language: 'fr' });
    expect(run.next()).toBe(true);
    expect(run.view().question?.id).toBe('equipement');
    expect(run.view().canGoOn).toBe(false);
    expect(run.next()).toBe(false);
    expect(run.view().question?.id).toBe('equipement');
    run.select('aucun' as never);
    expect(run.view().canGoOn).toBe(true);
    expect(run.next()).toBe(true);
    expect(run.view().question?.id).toBe('usage-internet');
    run.stop();
  });

  // The questionnaire's machine is made once, ahead (prepareRun, while the start screen waits) and shared:
  // runs side by side, or one after another on the same kiosk, never see each other's answers.
  it('keeps each run to its own answers when the machine was made ahead and is shared', () => {
    const loaded = loadAutonomie();
    prepareRun(loaded);
    const first = createRun({ loaded, mode: 'kiosk', language: 'fr' });
    first.select('aucun' as never);
    first.next();
    const second = createRun({ loaded, mode: 'kiosk', language: 'fr' });
    expect(second.view().question?.id).toBe('equipement');
    expect(second.view().canGoOn).toBe(false);
    expect(second.view().context.answers).toEqual({});
    second.select('smartphone' as never);
    second.next();
    expect(second.view().question?.id).not.toBe('equipement');
    expect(first.view().context.answers).toEqual({ equipement: { type: 'choices', options: ['aucun'] } });
    first.stop();
    second.stop();
  });

  // The kiosk makes the next screen's « Étape X sur Y » ahead, once an answer is painted; a person may
  // then go back and change an answer: what was made ahead for the other branch must never show.
  it('« Étape 1 sur Y » is the build\'s figure where the files are the ones it checked (no walk at « Commencer »), else the walk\'s', () => {
    const autonomie = loadAutonomie();
    const walked = createRun({ loaded: { ...autonomie, questionnaire: structuredClone(autonomie.questionnaire) }, mode: 'kiosk', language: 'fr' }).view().step;
    expect(walked.current).toBe(1);
    expect(walked.total).toBeGreaterThan(1);
    // The run takes what the build wrote as it is (checked.ts gives it only for the very files the
    // build checked), so a figure no walk would give shows that nothing was walked.
    const built = { atLeast: walked.total + 1, atMost: walked.total + 5 };
    const fresh = () => ({ ...autonomie, questionnaire: structuredClone(autonomie.questionnaire), firstStep: built });
    for (const ahead of [true, false]) {
      const made = fresh();
      if (ahead) prepareRun(made);
      const run = createRun({ loaded: made, mode: 'kiosk', language: 'fr' });
      expect(run.view().step).toEqual({ current: 1, total: built.atMost, exact: false });
    }
    // The next screens are walked as ever.
    const run = createRun({ loaded: fresh(), mode: 'kiosk', language: 'fr' });
    give(run, possibleAnswers(run.view().question!)[0]!);
    run.next();
    expect(run.view().step.current).toBe(2);
    expect(run.view().step.total).toBeLessThanOrEqual(walked.total);
  });

  it('shows the same steps, « Voir le résultat » and questions whether the next step was made ahead or not, going back and changing answers', () => {
    const autonomie = loadAutonomie();
    for (const seed of [1, 2, 3]) {
      // A copy of the questionnaire for the run that makes nothing ahead: nothing computed for one run is found by the other.
      const plain = createRun({ loaded: { ...autonomie, questionnaire: structuredClone(autonomie.questionnaire) }, mode: 'kiosk', language: 'fr' });
      const ahead = createRun({ loaded: autonomie, mode: 'kiosk', language: 'fr' });
      const seen = (run: RunController) => {
        const { question, step, last, canGoOn, canGoBack } = run.view();
        return { question: question?.id, step, last, canGoOn, canGoBack };
      };
      const random = seededRandom(seed);
      for (let moves = 0; moves < 60 && ahead.view().question; moves++) {
        const choices = possibleAnswers(ahead.view().question!);
        const answer = choices[Math.floor(random() * choices.length)];
        const goBack = ahead.view().canGoBack && random() < 0.3;
        for (const run of [plain, ahead]) {
          if (answer) give(run, answer);
          if (run === ahead) {
            const before = run.view();
            run.prepareNext();
            expect(run.view()).toBe(before);
          }
          if (goBack) run.back();
          else run.next();
        }
        expect(seen(ahead)).toEqual(seen(plain));
      }
      expect(ahead.view().atResult).toBe(true);
      expect(comparable(ahead.entry())).toEqual(comparable(plain.entry()));
      plain.stop();
      ahead.stop();
    }
  });

  // The kiosk makes its run ahead, while the start screen waits (held): nobody has started yet, so
  // nothing is written and the clock does not run until « Commencer » (begin) brings the sink.
  it('writes nothing for a run made ahead until it begins, then starts its clock and writes through the sink it is given', async () => {
    const loaded = loadAutonomie();
    const early = recordingSink();
    const given = recordingSink();
    const run = createRun({ loaded, mode: 'kiosk', language: 'fr', sink: early.sink, held: true, now, newId });
    await run.flush();
    expect(given.writes).toEqual([]);
    expect(early.writes).toEqual([]);
    const before = now();
    run.begin(given.sink);
    await run.flush();
    expect(given.writes).toHaveLength(1);
    expect((given.writes[0]?.session.startedAt ?? '') > before).toBe(true);
    run.select('smartphone' as never);
    run.next();
    await run.flush();
    expect(given.last()?.session.answers).toEqual({ equipement: { type: 'choices', options: ['smartphone'] } });
    run.begin(early.sink); // once only
    await run.flush();
    expect(early.writes).toEqual([]);
    run.stop();
  });

  it('gives the kiosk and the professional the same record and outcome for the same answers', async () => {
    for (const seed of [1, 7, 42, 2026]) {
      const loaded = loadAutonomie();
      const kiosk = recordingSink();
      const pro = recordingSink();
      const runs = [createRun({ loaded, mode: 'kiosk', language: 'fr', sink: kiosk.sink, now, newId }), createRun({ loaded, mode: 'interview', language: 'fr', sink: pro.sink, now, newId })];
      for (const run of runs) {
        const random = seededRandom(seed);
        while (step(run, random));
      }
      await Promise.all(runs.map((r) => r.flush()));
      expect(kiosk.last()?.outcome).toBeDefined();
      expect(comparable(pro.last())).toEqual(comparable(kiosk.last()));
      expect(pro.last()?.session.mode).toBe('interview');
      runs.forEach((r) => r.stop());
    }
  });

  it('writes a language switched mid-run before the next answer', async () => {
    const { sink, writes, last } = recordingSink();
    const run = createRun({ loaded: sample, mode: 'kiosk', language: 'fr', sink, now, newId });
    run.next();
    run.select('smartphone' as never);
    await run.flush();
    const before = writes.length;
    run.setLanguage('en');
    await run.flush();
    expect(writes.length).toBe(before + 1);
    expect(last()?.session).toEqual(expect.objectContaining({ language: 'en', answers: { equipement: { type: 'choices', options: ['smartphone'] } } }));
    run.stop();
  });

  it('records an exercise skipped by the person as skipped, not failed, and goes on', () => {
    const loaded = loadAutonomie();
    const random = seededRandom(3);
    const run = createRun({ loaded, mode: 'interview', language: 'fr' });
    // Walk as someone who uses a device alone, until the first exercise.
    for (let i = 0; i < 40 && run.view().question?.kind !== 'exercise'; i++) {
      const question = run.view().question;
      if (!question) break;
      const alone = question.options?.find((o) => o.id === 'seul' || o.id === 'smartphone');
      if (alone) run.select(alone.id);
      else step(run, random);
      run.next();
    }
    const exercise = run.view().question;
    expect(exercise?.kind).toBe('exercise');
    expect(run.next()).toBe(false);
    const skipped: ExerciseResult = { outcome: 'skipped', score: 0, attempts: 0, misses: 0, durationMs: 0, skippedReason: 'person' };
    run.skipExercise(skipped);
    expect(run.view().question?.id).not.toBe(exercise?.id);
    expect(run.view().context.answers[exercise?.id as QuestionId]).toEqual({ type: 'exercise', result: skipped });
    run.stop();
  });

  it("keeps a professional's notes, general note and who answered in the record", async () => {
    const { sink, last } = recordingSink();
    const run = createRun({ loaded: sample, mode: 'interview', language: 'fr', sink, now, newId });
    run.next();
    run.note(q('equipement'), 'Ordinateur de la médiathèque');
    run.answeredBy(q('equipement'), 'observed');
    run.generalNote('Vient pour la CAF');
    run.note(q('inconnue'), 'ignorée');
    await run.flush();
    expect(last()?.annotations).toEqual({ notes: { equipement: 'Ordinateur de la médiathèque' }, generalNote: 'Vient pour la CAF', answeredBy: { equipement: 'observed' } });
    run.answeredBy(q('equipement'), 'person');
    run.note(q('equipement'), '');
    await run.flush();
    expect(last()?.annotations).toEqual({ notes: {}, generalNote: 'Vient pour la CAF', answeredBy: {} });
    run.stop();
  });

  it('resumes a stored run under its own id, with its answers and annotations', async () => {
    const first = recordingSink();
    const run = createRun({ loaded: sample, mode: 'interview', language: 'en', sink: first.sink, now, newId });
    run.next();
    run.select('ordinateur' as never);
    run.note(q('equipement'), 'note');
    await run.flush();
    run.stop();
    const stored = first.last() as RunEntry;
    const again = recordingSink();
    const resumed = createRun({ loaded: sample, mode: 'interview', language: 'fr', sink: again.sink, now, newId, resume: resumeOf(sample, stored.session, stored.annotations) });
    expect(resumed.complete).toBe(true);
    expect(resumed.view().question?.id).toBe('equipement');
    await resumed.flush();
    expect(again.last()?.session).toEqual(expect.objectContaining({ id: stored.session.id, startedAt: stored.session.startedAt, answers: stored.session.answers, language: 'fr' }));
    expect(again.last()?.annotations.notes).toEqual({ equipement: 'note' });
    resumed.stop();
  });

  it('goes on under a new id when the person goes back from the result, and forgets the completed record', async () => {
    const { sink, forgotten, last } = recordingSink();
    const run = createRun({ loaded: sample, mode: 'kiosk', language: 'fr', sink, now, newId });
    const random = seededRandom(11);
    while (step(run, random));
    await run.flush();
    const done = last() as RunEntry;
    expect(done.session.status).toBe('completed');
    expect(done.session.completedAt).toBeDefined();
    run.back();
    await run.flush();
    expect(forgotten).toEqual([done.session.id]);
    expect(last()?.session).toEqual(expect.objectContaining({ status: 'in-progress' }));
    expect(last()?.session.id).not.toBe(done.session.id);
    expect(last()?.session.completedAt).toBeUndefined();
    run.stop();
  });

  it('says when a write failed, and says it no more once one succeeds', async () => {
    let failing = true;
    const { sink } = recordingSink({ fail: () => failing });
    const run = createRun({ loaded: sample, mode: 'kiosk', language: 'fr', sink, now, newId });
    await run.flush();
    expect(run.saveFailed.get()).toBe(true);
    failing = false;
    run.next();
    await run.flush();
    expect(run.saveFailed.get()).toBe(false);
    run.stop();
  });

  // The kiosk defers its writes until the next question is painted (src/ui/after-paint.ts): an answer
  // never waits for storage, and is never lost for it.
  describe('with its writes deferred', () => {
    function deferring() {
      const tasks: (() => void)[] = [];
      return { defer: (task: () => void) => void tasks.push(task), runDeferred: () => tasks.splice(0).forEach((task) => task()), pending: () => tasks.length };
    }

    it('writes nothing before the deferred moment, then the latest change in one write', async () => {
      const { sink, writes, last } = recordingSink();
      const { defer, runDeferred, pending } = deferring();
      const run = createRun({ loaded: sample, mode: 'kiosk', language: 'fr', sink, defer, now, newId });
      run.next();
      run.select('ordinateur' as never);
      run.select('smartphone' as never);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(writes).toHaveLength(0);
      expect(pending()).toBe(1);
      runDeferred();
      await run.flush();
      expect(writes).toHaveLength(1);
      expect(last()?.session.answers).toEqual({ equipement: { type: 'choices', options: ['smartphone', 'ordinateur'] } });
      expect(comparable(last())).toEqual(comparable(run.entry()));
      // The moment that comes after a flush finds nothing left to write.
      runDeferred();
      await run.flush();
      expect(writes).toHaveLength(1);
      run.stop();
    });

    it('writes a deferred answer at once when asked to flush, or when stopped', async () => {
      const flushed = recordingSink();
      const first = deferring();
      const run = createRun({ loaded: sample, mode: 'kiosk', language: 'fr', sink: flushed.sink, defer: first.defer, now, newId });
      run.next();
      run.select('aucun' as never);
      await run.flush();
      expect(flushed.last()?.session.answers).toEqual({ equipement: { type: 'choices', options: ['aucun'] } });
      run.stop();

      const stopped = recordingSink();
      const second = deferring();
      const other = createRun({ loaded: sample, mode: 'kiosk', language: 'fr', sink: stopped.sink, defer: second.defer, now, newId });
      other.next();
      other.select('ordinateur' as never);
      other.stop();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(stopped.last()?.session.answers).toEqual({ equipement: { type: 'choices', options: ['ordinateur'] } });
    });
  });

  it('hands its last change to the sink when stopped, and then writes nothing more', async () => {
    const { sink, writes } = recordingSink({ delayMs: 5 });
    const run = createRun({ loaded: sample as LoadedQuestionnaire, mode: 'kiosk', language: 'fr', sink, now, newId });
    run.next();
    run.select('aucun' as never);
    run.stop();
    run.select('smartphone' as never);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(writes.at(-1)?.session.answers).toEqual({ equipement: { type: 'choices', options: ['aucun'] } });
  });
});
