import { describe, expect, it } from 'vitest';
import { getInitialSnapshot, transition } from 'xstate';
import { createQuestionnaireMachine, END, expectedPath, outcomeOf, RESULT_STATE, whereNext } from '../../src/core/index.ts';
import { back, loadSample, next, pick, qid, run } from './sample.ts';

const loaded = loadSample();
const q = loaded.questionnaire;
const expert = [next, pick('smartphone'), pick('ordinateur'), next, pick('souvent'), next, pick('montrer'), next, pick('montrer'), next, pick('supprimer'), next, pick('non'), next];

describe('the compiled machine', () => {
  it('has one state per question and a result state', () => {
    const machine = createQuestionnaireMachine(q);
    expect(Object.keys(machine.states).sort()).toEqual([...q.questions.map((x) => x.id), RESULT_STATE].sort());
    expect(machine.id).toBe('exemple');
  });

  it('starts at the start question and does not move on without an answer', () => {
    const machine = createQuestionnaireMachine(q);
    const start = getInitialSnapshot(machine);
    expect(start.value).toBe('bienvenue');
    const [atEquipment] = transition(machine, start, { type: 'nav.next' });
    expect(atEquipment.value).toBe('equipement');
    const [still] = transition(machine, atEquipment, { type: 'nav.next' });
    expect(still.value).toBe('equipement');
  });

  it('ignores an option that belongs to another question', () => {
    const snapshot = run([next, pick('souvent')]);
    expect(snapshot.context.answers).toEqual({});
  });

  it('toggles options of a multiple-choice question, in the questionnaire order', () => {
    const snapshot = run([next, pick('ordinateur'), pick('smartphone'), pick('ordinateur'), pick('ordinateur')]);
    expect(snapshot.context.answers[qid('equipement')]).toEqual({ type: 'choices', options: ['smartphone', 'ordinateur'] });
  });

  it('lets an answer that stands alone ("aucun") untick the others, and be unticked by them', () => {
    const none = run([next, pick('ordinateur'), pick('smartphone'), pick('aucun')]);
    expect(none.context.answers[qid('equipement')]).toEqual({ type: 'choices', options: ['aucun'] });
    const some = run([next, pick('aucun'), pick('smartphone')]);
    expect(some.context.answers[qid('equipement')]).toEqual({ type: 'choices', options: ['smartphone'] });
    const nothing = run([next, pick('aucun'), pick('aucun')]);
    expect(nothing.context.answers[qid('equipement')]).toEqual({ type: 'choices', options: [] });
  });

  it('follows the branch the answer chooses', () => {
    expect(run([next, pick('aucun'), next, pick('jamais'), next]).value).toBe('envie-apprendre');
    expect(run([next, pick('aucun'), next, pick('parfois'), next]).value).toBe('courriel');
  });

  it('ends in the result state with a profile', () => {
    const snapshot = run(expert);
    expect(snapshot.value).toBe(RESULT_STATE);
    expect(outcomeOf(q, snapshot.context.answers, snapshot.context.path).profile).toBe('autonome');
  });

  it('goes back to the question before, keeping what was answered', () => {
    const snapshot = run([next, pick('smartphone'), next, pick('souvent'), next, back]);
    expect(snapshot.value).toBe('usage-internet');
    expect(snapshot.context.answers[qid('usage-internet')]).toEqual({ type: 'choice', option: 'souvent' });
    expect(snapshot.context.path).toEqual(['bienvenue', 'equipement', 'usage-internet']);
    expect(run([...expert, back]).value).toBe('urgence');
  });

  it('does not count answers on a branch no longer taken', () => {
    // Someone answers the e-mail and procedure questions, goes back to "never online" and learns nothing was kept for them.
    const events = [next, pick('smartphone'), next, pick('souvent'), next, pick('montrer'), next, back, back, pick('jamais'), next, pick('oui'), next, pick('non'), next];
    const snapshot = run(events);
    expect(snapshot.value).toBe(RESULT_STATE);
    expect(snapshot.context.answers[qid('courriel')]).toEqual({ type: 'choice', option: 'montrer' });
    const outcome = outcomeOf(q, snapshot.context.answers, snapshot.context.path);
    expect(outcome.profile).toBe('decouverte');
    expect(outcome.areas.find((a) => a.area === 'communication')?.score).toBe(0);
  });

  it('restarts with nothing kept but the language', () => {
    const snapshot = run([{ type: 'run.language', language: 'en' }, ...expert, { type: 'note.general', text: 'x' }, { type: 'nav.restart' }]);
    expect(snapshot.value).toBe('bienvenue');
    expect(snapshot.context).toEqual({ answers: {}, path: ['bienvenue'], language: 'en', notes: {}, generalNote: '', answeredBy: {} });
  });

  it('carries the language and a professional\'s annotations in its state, wherever the run is', () => {
    const snapshot = run([next, { type: 'run.language', language: 'ar' }, { type: 'note.question', question: qid('equipement'), text: 'observé' }, { type: 'answer.source', question: qid('equipement'), source: 'observed' }, { type: 'note.general', text: 'CAF' }, { type: 'note.question', question: qid('absente'), text: 'ignorée' }]);
    expect(snapshot.value).toBe('equipement');
    expect(snapshot.context).toEqual(expect.objectContaining({ language: 'ar', notes: { equipement: 'observé' }, answeredBy: { equipement: 'observed' }, generalNote: 'CAF' }));
    expect(getInitialSnapshot(createQuestionnaireMachine(q)).context.language).toBe(q.defaultLanguage);
  });

  it('asks one pure function where to go: the guards, the step counter and the walks read whereNext', () => {
    const start = getInitialSnapshot(createQuestionnaireMachine(q));
    expect(whereNext(q, start.context)).toBe('equipement');
    const waiting = run([next]);
    expect(whereNext(q, waiting.context)).toBeUndefined();
    const never = run([next, pick('aucun'), next, pick('jamais')]);
    expect(whereNext(q, never.context)).toBe('envie-apprendre');
    expect(run([next, pick('aucun'), next, pick('jamais'), next]).value).toBe(whereNext(q, never.context));
    const ended = run(expert.slice(0, -1));
    expect(whereNext(q, ended.context)).toBe(END);
    expect(run(expert).value).toBe(RESULT_STATE);
  });

  it('projects the expected length of the path from the answers so far', () => {
    expect(expectedPath(q, {}, [qid('bienvenue')])).toHaveLength(8 - 1);
    const never = run([next, pick('aucun'), next, pick('jamais')]);
    expect(expectedPath(q, never.context.answers, never.context.path)).toEqual(['bienvenue', 'equipement', 'usage-internet', 'envie-apprendre', 'urgence'].map(qid));
  });
});
