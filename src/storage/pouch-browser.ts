// PouchDB for the browser, as the team sync needs it: the IndexedDB adapter (the local mirror),
// the HTTP adapter (the team's CouchDB) and replication. Loaded with import() by the sync section
// only, on a device whose settings.json names a server: never in the kiosk's bundles.
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

export const Pouch = PouchDB.plugin(idb).plugin(http).plugin(replication);
