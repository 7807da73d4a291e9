/**
 * Hands the main thread back to the browser before the next piece of start-up work: it can paint
 * and answer a tap in between, and no single piece holds a slow tablet for long. scheduler.yield()
 * where the browser has it (the rest of the work keeps its place in line), a zero timeout elsewhere.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
