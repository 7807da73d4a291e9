export interface CouchServer {
  url: string;
  raw(database: string): Promise<{ rows: { id: string; doc: Record<string, unknown> & { _conflicts?: string[] } }[] }>;
  failWith(mode: 401 | 500 | 'garbage' | 'vanish' | undefined): void;
  stop(): Promise<void>;
}
export const ADMIN: { username: string; password: string };
interface CouchUser {
  name: string;
  password: string;
  roles: string[];
}
export const EXAMPLE: {
  teams: { database: string; user: { name: string; password: string }; security: unknown }[];
  territory: { database: string; design: string; kiosks: CouchUser; coordinators: CouchUser[]; security: unknown; depot: string };
};
/** The territory database's design document (docs/couchdb-territory-design.json). */
export const TERRITORY_DESIGN: { _id: string; validate_doc_update: string; views: { cells: { map: string; reduce: string } } };
export function startCouchServer(options?: { port?: number; origins?: string[] }): Promise<CouchServer>;
/** PouchDB with the memory, http, replication and map-reduce plugins (plugins apply once per process). */
export const Base: import('pouchdb-core').PouchStatic;
