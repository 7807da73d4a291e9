// The part of PouchDB 9 the vault's sync uses (the packages ship no types; @types/pouchdb is for 6).
declare module 'pouchdb-core' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [key: string]: unknown;
  }
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    last_seq: number | string;
  }
  export interface Replication extends Promise<ReplicationResult> {
    on(event: 'error' | 'denied' | 'complete', listener: (value: unknown) => void): Replication;
    cancel(): void;
  }
  export interface PouchDatabase {
    get(id: string, options?: { rev?: string; conflicts?: boolean; revs?: boolean }): Promise<PouchDoc>;
    put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
    remove(id: string, rev: string): Promise<{ ok: boolean; rev: string }>;
    bulkDocs(docs: PouchDoc[]): Promise<({ ok: boolean; id: string; rev: string } | { error: string; id: string })[]>;
    allDocs(options?: { include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string; keys?: string[] }): Promise<{ total_rows: number; rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc }[] }>;
    changes(options: { since?: number | string; include_docs?: boolean; conflicts?: boolean; limit?: number }): Promise<{ results: { id: string; seq: number | string; deleted?: boolean; doc?: PouchDoc; changes: { rev: string }[] }[]; last_seq: number | string }>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
    replicate: { to(target: PouchDatabase, options?: Record<string, unknown>): Replication; from(source: PouchDatabase, options?: Record<string, unknown>): Replication };
  }
  export interface PouchStatic {
    new (name: string, options?: Record<string, unknown>): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: Record<string, unknown>): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
