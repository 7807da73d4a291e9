import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionEvents } from '../../src/ui/session-events.ts';
import { renderKiosk } from './kiosk-harness.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

/** Starts a run and answers the first question, with real timers; then time is faked. */
async function personMidRun(events?: SessionEvents) {
  await renderKiosk({ events });
  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  await screen.findByRole('heading', { level: 1, name: 'Sample questionnaire' });
  fireEvent.click(screen.getByRole('button', { name: /Start/ }));
  await screen.findByRole('heading', { level: 1, name: /Welcome/ });
  fireEvent.click(screen.getByRole('button', { name: /Next/ }));
  await screen.findByRole('heading', { level: 1, name: /Which devices/ });
  // The app fetches the dialog and its strings (src/i18n/notices/) in the background once a run is
  // under way; with real timers, they are here.
  await Promise.all([import('../../src/ui/idle-dialog.tsx'), import('../../src/i18n/notices.ts').then((m) => m.loadNoticeStrings())]);
  vi.useFakeTimers();
  fireEvent.click(screen.getByText('A smartphone'));
}

const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });
const settle = () =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(50);
  });

describe('a kiosk that forgets', () => {
  it('asks "are you still there?" after the idle delay, with the focus inside the dialog', async () => {
    await personMidRun();
    advance(89_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'Shift' });
    advance(89_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    advance(1_500);
    await settle();
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText(/erased in 30 seconds/)).toBeTruthy();
    await settle();
    const stay = within(dialog).getByRole('button', { name: "Yes, I'm still here" });
    expect(document.activeElement).toBe(stay);
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
  });

  it('keeps the focus trapped in the dialog and lets the person stay', async () => {
    await personMidRun();
    advance(90_000);
    await settle();
    const dialog = screen.getByRole('alertdialog');
    const [stay, leave] = within(dialog).getAllByRole('button');
    leave?.focus();
    fireEvent.keyDown(leave as HTMLElement, { key: 'Tab' });
    expect(document.activeElement).toBe(stay);
    fireEvent.keyDown(stay as HTMLElement, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(leave);
    advance(10_000);
    expect(within(dialog).getByText('20')).toBeTruthy();
    fireEvent.click(stay as HTMLElement);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: /Which devices/ })).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /A smartphone/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('wipes everything without an answer and shows the start screen in the default language', async () => {
    const events: SessionEvents = { forgotten: vi.fn() };
    await personMidRun(events);
    const push = vi.spyOn(window.history, 'pushState');
    advance(90_000);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    advance(30_000);
    await settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    vi.useRealTimers();
    expect(await screen.findByRole('heading', { level: 1, name: "Questionnaire d'exemple" })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(events.forgotten).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('');
    expect(window.history.length).toBe(1);
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(screen.queryByText('A smartphone')).toBeNull();
  });

  it('does not count time on the start screen, but puts back the default language', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { level: 1, name: 'Sample questionnaire' });
    vi.useFakeTimers();
    fireEvent.keyDown(document.body, { key: 'Shift' });
    advance(90_000);
    await settle();
    vi.useRealTimers();
    expect(await screen.findByRole('heading', { level: 1, name: "Questionnaire d'exemple" })).toBeTruthy();
    vi.useFakeTimers();
    advance(600_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
