export interface CouchServer {
  url: string;
  raw(database: string): Promise<{ rows: { id: string; doc: Record<string, unknown> & { _conflicts?: string[] } }[] }>;
  failWith(mode: 401 | 500 | 'garbage' | 'vanish' | undefined): void;
  stop(): Promise<void>;
}
export const ADMIN: { username: string; password: string };
export const EXAMPLE: { teams: { database: string; user: { name: string; password: string }; security: unknown }[] };
export function startCouchServer(options?: { port?: number; origins?: string[] }): Promise<CouchServer>;
/** PouchDB with the memory, http, replication and map-reduce plugins (plugins apply once per process). */
export const Base: import('pouchdb-core').PouchStatic;
