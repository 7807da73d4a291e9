import { render } from 'preact';
// The service-worker bridge, handed to the app whole as its AppUpdate (ready, apply, check). Handing
// over the module's namespace also lets rolldown host its small runtime in this chunk rather than a
// chunk of its own: one request fewer before the first question.
import * as update from './pwa/index.ts';
import { mayHoldRecords } from './storage/probe.ts';
import { App } from './ui/app.tsx';
import { ErrorBoundary } from './ui/error-boundary.tsx';
import { createSessionPersistence } from './ui/session-persistence.ts';
import './ui/app.css';

/** When the service worker is registered after the page has loaded, unless a run's question showed first (app.tsx registers it then): its precache (about 400 KB) never shares a slow connection with the start screen's or the first question's files. */
const SERVICE_WORKER_AFTER_MS = 3000;
/** When the territory push starts, after the page has loaded. */
const TERRITORY_PUSH_AFTER_MS = 8000;

const root = document.getElementById('app');
if (root) {
  // Every answer is written to IndexedDB (or kept in memory, with a notice, when it cannot be);
  // storage (idb) is loaded with import(): at start only when a run may wait to be taken up (the
  // probe asks IndexedDB directly), else with the first write, once the first question is painted.
  const open = async () => (await import('./storage/index.ts')).openStorage();
  const persistence = createSessionPersistence({ open, mayHoldRecords });
  // The outer boundary catches what the app's own cannot; starting again reloads the page (a run in progress resumes).
  render(
    <ErrorBoundary onReset={() => window.location.replace(window.location.pathname)}>
      <App events={persistence} update={update} />
    </ErrorBoundary>,
    root,
  );
  // Once a run's question is on screen (app.tsx), or some seconds after the page has loaded, once the
  // main thread is idle: the service worker (its registration is a chunk of its own,
  // src/pwa/registration.ts) never competes with the first screen or the first question for a slow
  // tablet's CPU or connection.
  const whenIdle = (run: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 500));
  // Some seconds later, on a kiosk whose settings.json names the territory observatory, the tallies
  // that wait (src/ui/territory-push.ts; elsewhere it looks at the settings the app read, and stops):
  // its code never shares a slow connection with the start screen or the first question.
  const register = () => {
    setTimeout(() => whenIdle(() => void update.registerServiceWorker()), SERVICE_WORKER_AFTER_MS);
    setTimeout(() => whenIdle(() => void import('./ui/territory-push.ts').then((push) => push.pushAtStart(open)).catch(() => undefined)), TERRITORY_PUSH_AFTER_MS);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
