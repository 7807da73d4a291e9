import type { SessionId } from './types.ts';

/** A random session id (not derived from anything about the person). */
export function newSessionId(random: () => number = Math.random): SessionId {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let id = '';
  for (let i = 0; i < 16; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id as SessionId;
}
