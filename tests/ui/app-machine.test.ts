// The kiosk's machine when settings.json offers several questionnaires: it starts on their list
// (titles and intros, never a structure), CHOOSE starts the run on one, and forgetting the person,
// a resumed run and the professional space all find their way back to the list.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor as waitUntil, type SnapshotFrom } from 'xstate';
import { createRecord, type QuestionnaireId, type SessionId, type SessionRecord } from '../../src/core/index.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import { loadValidationStrings } from '../../src/i18n/validation.ts';
import { createRun, prepareRun } from '../../src/run/run-controller.ts';
import { AHEAD_AFTER_MS, appMachine, type AppDeps } from '../../src/ui/app-machine.ts';
import type { SessionEvents } from '../../src/ui/session-events.ts';
import { diskFetcher, indexEntry } from './kiosk-harness.tsx';

const BOTH = { structure: 'Espace public numérique', languages: ['fr', 'en'], modes: ['kiosk', 'interview'], defaultQuestionnaire: 'exemple', questionnaires: ['exemple', 'rester-en-contact'] };

type Snapshot = SnapshotFrom<typeof appMachine>;
const actors: { stop(): void }[] = [];
afterEach(() => actors.splice(0).forEach((a) => a.stop()));

function kiosk({ settings = BOTH, events, hash = '', overrides = {} }: { settings?: object; events?: SessionEvents; hash?: string; overrides?: Record<string, string | null> } = {}) {
  const fetcher = diskFetcher({
    overrides: { './settings.json': JSON.stringify(settings), './questionnaires/index.json': JSON.stringify([indexEntry('exemple'), indexEntry('rester-en-contact')]), ...overrides },
  });
  const opened: string[] = [];
  let address = hash;
  const deps: AppDeps = {
    fetchText: fetcher,
    events,
    applyLanguage: setLanguage,
    loadValidationStrings,
    loadRunModule: async () => ({ createRun, prepareRun, loadResume: () => import('../../src/run/resume.ts') }),
    hash: () => address,
    countdownSeconds: 30,
    clock: Date.now,
    onForget: () => undefined,
    onPro: (route = '#/pro') => {
      opened.push(route);
      address = route;
    },
    loadList: () => import('../../src/ui/questionnaire-list.tsx'),
  };
  const actor = createActor(appMachine, { input: { deps, reference: 'fr' } });
  actors.push(actor);
  actor.start();
  return { actor, fetcher, opened };
}

const waitFor = <T,>(actor: Parameters<typeof waitUntil>[0], until: (s: Snapshot) => boolean) => waitUntil(actor, until as never, { timeout: 10_000 }) as Promise<Snapshot>;
const atStart = (s: Snapshot) => s.matches({ screen: { start: 'waiting' } });
const running = (s: Snapshot) => s.matches({ screen: 'run' });

describe('a kiosk offering several questionnaires', () => {
  it('starts on their list with their titles read from their locale files alone, no structure fetched, no questionnaire on screen', async () => {
    const { actor, fetcher } = kiosk();
    const { context } = await waitFor(actor, atStart);
    expect([context.entry, context.loaded]).toEqual([undefined, undefined]);
    expect(fetcher.requested.filter((url) => url.includes('questionnaire.json'))).toEqual([]);
    expect(fetcher.requested.filter((url) => url.includes('/locales/')).map((url) => url.replace(/\?.*$/, ''))).toEqual([
      './questionnaires/exemple/locales/fr.json',
      './questionnaires/rester-en-contact/locales/fr.json',
    ]);
  });

  it('starts the run on the questionnaire chosen (an unknown one is ignored), and comes back to the list once the person is forgotten', async () => {
    const { actor, fetcher } = kiosk();
    await waitFor(actor, atStart);
    actor.send({ type: 'CHOOSE', id: 'autonomie-numerique' });
    expect(atStart(actor.getSnapshot())).toBe(true);
    actor.send({ type: 'BEGIN' });
    expect(atStart(actor.getSnapshot())).toBe(true);
    actor.send({ type: 'CHOOSE', id: 'rester-en-contact' });
    const { context } = await waitFor(actor, running);
    expect(context.loaded?.questionnaire.id).toBe('rester-en-contact');
    expect(context.run?.view().question?.id).toBe('appareil');
    expect(context.run?.entry().session.questionnaireId).toBe('rester-en-contact');
    // The texts the title came from were not fetched a second time.
    expect(fetcher.requested.filter((url) => url.startsWith('./questionnaires/rester-en-contact/locales/fr.json'))).toHaveLength(1);
    actor.send({ type: 'FINISH' });
    const back = await waitFor(actor, atStart);
    expect([back.context.entry, back.context.loaded, back.context.run, back.context.focusStart]).toEqual([undefined, undefined, undefined, true]);
  });

  it('runs the one chosen in its own default language when it has not the language on screen, and comes back to the list in the default language', async () => {
    // The languages offered are the default questionnaire's (listed second); exemple has French and English only.
    const { actor } = kiosk({ settings: { ...BOTH, languages: ['fr', 'ar'], defaultQuestionnaire: 'rester-en-contact' } });
    await waitFor(actor, atStart);
    actor.send({ type: 'LANGUAGE', language: 'ar' });
    await waitFor(actor, (s) => s.context.language === 'ar' && s.matches({ language: 'ready' }));
    actor.send({ type: 'CHOOSE', id: 'exemple' });
    const { context } = await waitFor(actor, running);
    expect([context.loaded?.questionnaire.id, context.language]).toEqual(['exemple', 'fr']);
    actor.send({ type: 'FINISH' });
    expect((await waitFor(actor, atStart)).context.language).toBe('fr');
  });

  it('resumes a run cut short in its own questionnaire, the newest of those offered', async () => {
    const record = (questionnaireId: string, updatedAt: string): SessionRecord => ({
      ...createRecord({ id: `s-${questionnaireId}` as SessionId, questionnaireId: questionnaireId as QuestionnaireId, questionnaireVersion: indexEntry(questionnaireId).version, contentHash: indexEntry(questionnaireId).contentHash, mode: 'kiosk', language: 'fr', now: updatedAt, start: 'appareil' as never }),
      updatedAt: new Date().toISOString(),
    });
    const asked: string[] = [];
    const events: SessionEvents = {
      resume: async (id) => {
        asked.push(id);
        return id === 'rester-en-contact' ? record(id, new Date().toISOString()) : undefined;
      },
    };
    const { actor } = kiosk({ events });
    const { context } = await waitFor(actor, running);
    expect(asked).toEqual(['exemple', 'rester-en-contact']);
    expect(context.entry?.id).toBe('rester-en-contact');
    expect(context.run?.view().question?.id).toBe('appareil');
    actor.send({ type: 'FINISH' });
    expect((await waitFor(actor, atStart)).context.entry).toBeUndefined();
  });

  it('says which file is wrong when the questionnaire chosen does not pass the check', async () => {
    const { actor } = kiosk({ overrides: { './questionnaires/rester-en-contact/questionnaire.json': '{"id": "rester-en-contact"' } });
    await waitFor(actor, atStart);
    actor.send({ type: 'CHOOSE', id: 'rester-en-contact' });
    const { context } = await waitFor(actor, (s) => s.matches({ screen: 'failed' }));
    expect(context.failure).toBe('questionnaire');
    expect(context.problems?.[0]?.file).toBe('rester-en-contact/questionnaire.json');
  });

  it('opens the professional space from the list with the device’s default questionnaire', async () => {
    const { actor, opened } = kiosk();
    await waitFor(actor, atStart);
    actor.send({ type: 'PRO' });
    const { context } = await waitFor(actor, (s) => s.matches({ screen: 'pro' }));
    expect(opened).toEqual(['#/pro']);
    expect(context.loaded?.questionnaire.id).toBe('exemple');
  });

  it('goes straight to the one questionnaire offered, as before', async () => {
    const { actor } = kiosk({ settings: { ...BOTH, questionnaires: ['exemple'] } });
    const { context } = await waitFor(actor, atStart);
    expect([context.entry?.id, context.loaded?.questionnaire.id]).toEqual(['exemple', 'exemple']);
    actor.send({ type: 'BEGIN' });
    expect((await waitFor(actor, running)).context.run?.view().question?.id).toBe('bienvenue');
  });

  // The start screen makes the run ahead (held) at the first activity, its first question drawn
  // hidden by app.tsx: « Commencer » takes that very run, and only then is the person's sink made
  // (a kiosk's sink forgets any earlier person) and the run written.
  it('makes the run ahead while the start screen waits, and « Commencer » begins that very run', async () => {
    const sinks: string[] = [];
    const saved: string[] = [];
    const events: SessionEvents = {
      sink: () => {
        sinks.push('made');
        return { save: async (entry) => (saved.push(entry.session.id), { ok: true }), forget: async () => undefined };
      },
    };
    const { actor } = kiosk({ settings: { ...BOTH, questionnaires: ['exemple'] }, events });
    await waitFor(actor, atStart);
    actor.send({ type: 'ACTIVITY' });
    const { context } = await waitFor(actor, (s) => s.context.ahead !== undefined);
    const ahead = context.ahead?.run;
    expect(ahead?.view().question?.id).toBe('bienvenue');
    expect([sinks, saved]).toEqual([[], []]);
    actor.send({ type: 'ACTIVITY' }); // more activity makes no second one
    await new Promise((r) => setTimeout(r, 50));
    expect(actor.getSnapshot().context.ahead?.run).toBe(ahead);
    actor.send({ type: 'BEGIN' });
    const started = actor.getSnapshot();
    expect(running(started)).toBe(true); // at once: nothing left to fetch or make
    expect([started.context.run, started.context.ahead]).toEqual([ahead, undefined]);
    await ahead?.flush();
    expect(sinks).toEqual(['made']);
    expect(saved).toEqual([ahead?.entry().session.id]);
  });

  // Drawing question 1 ahead is a long task on a cheap tablet: never while the page is still loading
  // (the start screen's first seconds), but at the first touch or once the kiosk has been still.
  it('makes the run ahead by itself only once the start screen has been still for a while', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { actor } = kiosk({ settings: { ...BOTH, questionnaires: ['exemple'] } });
      await waitFor(actor, atStart);
      await vi.advanceTimersByTimeAsync(2000);
      expect(actor.getSnapshot().context.ahead).toBeUndefined();
      await vi.advanceTimersByTimeAsync(AHEAD_AFTER_MS);
      expect((await waitFor(actor, (s) => s.context.ahead !== undefined)).context.ahead?.run.view().question?.id).toBe('bienvenue');
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops the run made ahead when the person goes elsewhere, and makes a new one for the next person', async () => {
    const { actor } = kiosk({ settings: { ...BOTH, questionnaires: ['exemple'] } });
    await waitFor(actor, atStart);
    actor.send({ type: 'ACTIVITY' });
    const first = (await waitFor(actor, (s) => s.context.ahead !== undefined)).context.ahead?.run;
    actor.send({ type: 'PRO' });
    await waitFor(actor, (s) => s.matches({ screen: 'pro' }));
    // Stopped: it goes nowhere any more.
    first?.next();
    expect(first?.view().question?.id).toBe('bienvenue');
    actor.send({ type: 'FINISH' });
    await waitFor(actor, atStart);
    actor.send({ type: 'ACTIVITY' });
    const second = (await waitFor(actor, (s) => s.context.ahead !== undefined)).context.ahead?.run;
    expect(second).not.toBe(first);
    expect(second?.view().context.answers).toEqual({});
  });
});
