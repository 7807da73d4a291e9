// Work a screen change brings that can wait (a run's write to storage): it runs once the next frame
// is painted, so the new screen never waits for it. It is never lost: when the page is about to go
// (beforeunload: a reload or a link followed, which then waits for the network while the write
// ends), goes (pagehide: a closed tab) or is hidden, what waits runs at once; while the page is
// hidden (no frames come) it runs straight away.

const waiting: (() => void)[] = [];

function runWaiting(): void {
  for (const task of waiting.splice(0)) task();
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  addEventListener('beforeunload', runWaiting);
  addEventListener('pagehide', runWaiting);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') runWaiting();
  });
}

/** Runs `task` after the next frame is painted (a task posted from that frame); at once where there are no frames. */
export function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState === 'hidden') return task();
  listen();
  waiting.push(task);
  if (waiting.length === 1) requestAnimationFrame(() => setTimeout(runWaiting, 0));
}
