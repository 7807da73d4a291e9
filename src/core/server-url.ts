// A server a structure names in settings.json (a team's CouchDB database, the territory's tally
// depot, the territory database a coordinator reads): https (http only on this machine), with no
// name or password in it (settings.json is public: credentials are typed by a professional, or
// added by the depot's proxy), and no query or fragment. One check for every such key.

export type ServerUrlProblem = 'settings.url-absolute' | 'settings.url-https' | 'settings.url-credentials' | 'settings.url-extra';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** What is wrong with a server's address, or undefined when it is fine. */
export function serverUrlProblem(text: string): ServerUrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'settings.url-absolute';
  }
  const local = LOCAL_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'settings.url-https';
  if (url.username || url.password) return 'settings.url-credentials';
  if (url.search || url.hash) return 'settings.url-extra';
  return undefined;
}

// The address as the app uses it (trimmed, without a trailing slash) is in settings-values.ts, which
// the start screen needs; these checks come only with the settings' checker and the territory push.
export { serverUrl } from './settings-values.ts';
