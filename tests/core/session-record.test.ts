import { describe, expect, it } from 'vitest';
import { createQuestionnaireMachine, createRecord, newSessionId, readRecord, replay, RESULT_STATE, seededRandom, type SessionRecord } from '../../src/core/index.ts';
import { back, loadSample, next, pick, qid, run } from './sample.ts';

const loaded = loadSample();
const q = loaded.questionnaire;

function recordOf(events: Parameters<typeof run>[0], status: SessionRecord['status'] = 'in-progress'): SessionRecord {
  const snapshot = run(events);
  const base = createRecord({ id: newSessionId(seededRandom(7)), questionnaireId: q.id, questionnaireVersion: q.version, contentHash: loaded.contentHash, mode: 'kiosk', language: 'fr', now: '2026-11-23T10:00:00.000Z', start: q.start });
  return { ...base, answers: snapshot.context.answers, path: snapshot.context.path, status };
}

describe('session records', () => {
  it('survive a JSON round trip and hold no XState internals', () => {
    const record = recordOf([next, pick('smartphone'), next, pick('parfois'), next]);
    const stored = JSON.parse(JSON.stringify(record));
    expect(readRecord(stored)).toEqual({ ok: true, record });
    expect(Object.keys(record).sort()).toEqual(['answers', 'contentHash', 'id', 'language', 'mode', 'path', 'questionnaireId', 'questionnaireVersion', 'startedAt', 'status', 'updatedAt', 'version']);
  });

  it('migrate a version 1 record to the current version', () => {
    const v1 = { version: 1, id: 'abc', questionnaireId: 'exemple', contentHash: 'h', answers: { equipement: { type: 'choices', options: ['smartphone'] } }, path: ['bienvenue', 'equipement'], startedAt: 't', updatedAt: 't', status: 'in-progress' };
    const read = readRecord(v1);
    expect(read.ok && read.record).toMatchObject({ version: 2, mode: 'kiosk', language: 'fr', path: ['bienvenue', 'equipement'] });
  });

  it('refuse malformed or future records with a reason, without throwing', () => {
    for (const raw of [null, 'x', [], { version: 9 }, { version: 2 }, { version: 1, id: 'a' }, { ...recordOf([]), answers: { x: { type: 'choice' } } }, { ...recordOf([]), path: [] }]) {
      const read = readRecord(raw);
      expect(read.ok).toBe(false);
      expect(read.ok ? '' : read.reason).not.toBe('');
    }
  });

  it('resume by replaying the answers to the same question', () => {
    const events = [next, pick('smartphone'), next, pick('parfois'), next, pick('seul'), next];
    const live = run(events);
    const resumed = replay(createQuestionnaireMachine(q), recordOf(events));
    expect(resumed.complete).toBe(true);
    expect(resumed.snapshot.value).toBe(live.value);
    expect(resumed.snapshot.context).toEqual(live.context);
  });

  it('keep answers from a branch left behind when resuming', () => {
    const events = [next, pick('smartphone'), next, pick('parfois'), next, pick('seul'), next, back, back, pick('jamais'), next];
    const resumed = replay(createQuestionnaireMachine(q), recordOf(events));
    expect(resumed.snapshot.value).toBe('envie-apprendre');
    expect(resumed.snapshot.context.answers[qid('courriel')]).toEqual({ type: 'choice', option: 'seul' });
  });

  it('resume a completed record on its result', () => {
    const events = [next, pick('aucun'), next, pick('jamais'), next, pick('non'), next, pick('non'), next];
    const resumed = replay(createQuestionnaireMachine(q), recordOf(events, 'completed'));
    expect(resumed.snapshot.value).toBe(RESULT_STATE);
  });

  it('replay a record from a changed questionnaire as far as it fits, and say where it stopped', () => {
    const record = recordOf([next, pick('smartphone'), next, pick('parfois'), next, pick('seul'), next]);
    const changed = structuredClone(q);
    const courriel = changed.questions.find((x) => x.id === 'courriel');
    if (!courriel?.options) throw new Error('sample changed');
    courriel.options = courriel.options.filter((o) => o.id !== 'seul');
    const resumed = replay(createQuestionnaireMachine(changed), record);
    expect(resumed.complete).toBe(false);
    expect(resumed.stoppedAt).toEqual({ step: 3, question: 'courriel', reason: 'answer-no-longer-fits' });
    expect(resumed.snapshot.value).toBe('courriel');
    expect(resumed.snapshot.context.answers[qid('usage-internet')]).toEqual({ type: 'choice', option: 'parfois' });

    const removed = structuredClone(q);
    removed.questions = removed.questions.filter((x) => x.id !== 'demarches-en-ligne');
    const courrielNext = removed.questions.find((x) => x.id === 'courriel');
    if (courrielNext) courrielNext.next = qid('sms-banque');
    const stopped = replay(createQuestionnaireMachine(removed), record);
    expect(stopped.stoppedAt).toEqual({ step: 4, question: 'demarches-en-ligne', reason: 'unknown-question' });
    expect(stopped.snapshot.value).toBe('sms-banque');
  });

  it('make random session ids that say nothing about the person', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newSessionId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z2-9]{16}$/);
  });
});
