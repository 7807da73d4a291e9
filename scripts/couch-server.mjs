// A CouchDB-protocol server on loopback, in memory, for the e2e suite, the tests and the bench:
// express-pouchdb (PouchDB's implementation of CouchDB's HTTP API, replication included) over
// PouchDB's in-memory adapter. Pure JavaScript: no native LevelDB build. Apache CouchDB is what a
// structure runs (docs/couchdb.md); this speaks the same protocol.
//
// It sets itself up as docs/couchdb.md tells a structure to: an admin, one database per team with
// one user, a _security object that admits only that user, CORS for the app's origin only; and the
// territory observatory's database (its design document, the kiosks' and a coordinator's accounts),
// with the depot a reverse proxy plays in front of it (/depot/territoire/<id>: PUT only).
//
//   node scripts/couch-server.mjs [port] [allowed origin…]
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

export const ADMIN = { username: 'admin', password: 'admin-du-serveur-de-test' };
/** The example team of docs/couchdb.example.json. */
export const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'docs', 'couchdb.example.json'), 'utf8'));

/** The territory database's design document (docs/couchdb-territory-design.json): what it accepts, and its view. */
export const TERRITORY_DESIGN = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'docs', 'couchdb-territory-design.json'), 'utf8'));

// Plugins change PouchDB's prototype: once per process (tests and the bench use this one).
export const Base = PouchDB.plugin(memory).plugin(http).plugin(replication).plugin(mapreduce);

const basic = ({ username, password }) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/**
 * Starts the server; resolves with its URL, a way to make it fail (status, garbage, vanish) and stop().
 * `failWith` lets tests play a server answering 401, 500 or garbage, or vanishing mid-sync.
 */
export async function startCouchServer({ port = 0, origins = [], config = EXAMPLE } = {}) {
  // Each server gets its own in-memory databases (memdown shares stores by name within a process).
  const Pouch = Base.defaults({ adapter: 'memory', prefix: `s${Math.random().toString(36).slice(2, 8)}-` });
  const app = express();
  const failure = { mode: undefined };
  app.use((req, res, next) => {
    // CORS as CouchDB's [cors] section does it: the app's origin only, with credentials.
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') return res.status(204).end();
    }
    if (failure.mode === 'vanish') return req.socket.destroy();
    if (failure.mode === 401) return res.status(401).json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
    if (failure.mode === 500) return res.status(500).json({ error: 'internal_server_error', reason: 'test' });
    if (failure.mode === 'garbage') return res.status(200).type('text/html').send('<html>proxy error</html>');
    next();
  });
  // The territory's depot, as the reverse proxy of docs/couchdb.md plays it: the PUT of one
  // document, with no account from the kiosk, goes to the territory database under the kiosks'
  // account; anything else is refused before it reaches the database.
  const territory = config.territory;
  if (territory) {
    app.use((req, res, next) => {
      if (!req.path.startsWith(`${territory.depot}/`)) return next();
      const id = /^\/([^/]+)$/.exec(req.path.slice(territory.depot.length))?.[1];
      if (req.method !== 'PUT' || !id || !/^tally-[a-z0-9]+$/.test(id)) return res.status(405).json({ error: 'method_not_allowed', reason: 'The depot takes the PUT of a tally only.' });
      req.url = req.originalUrl = `/${territory.database}/${id}`;
      req.headers.authorization = basic({ username: territory.kiosks.name, password: territory.kiosks.password });
      delete req.headers.cookie;
      return next();
    });
  }
  app.use('/', expressPouchdb(Pouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: join(tmpdir(), 'reperes-couch-server.log'), overrideMode: { exclude: ['routes/fauxton', 'routes/replicate', 'routes/log', 'routes/stats'] } }));
  const server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  const admin = basic(ADMIN);
  const call = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, { method, headers: { authorization: admin, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!response.ok && response.status !== 412) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json().catch(() => undefined);
  };
  await fetch(`${url}/_config/admins/${ADMIN.username}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
  for (const team of config.teams) {
    await call('PUT', `/${team.database}`);
    await call('PUT', `/_users/org.couchdb.user:${team.user.name}`, { _id: `org.couchdb.user:${team.user.name}`, name: team.user.name, password: team.user.password, roles: [], type: 'user' });
    await call('PUT', `/${team.database}/_security`, team.security);
  }
  if (territory) {
    await call('PUT', `/${territory.database}`);
    for (const user of [territory.kiosks, ...territory.coordinators]) {
      await call('PUT', `/_users/org.couchdb.user:${user.name}`, { _id: `org.couchdb.user:${user.name}`, name: user.name, password: user.password, roles: user.roles, type: 'user' });
    }
    await call('PUT', `/${territory.database}/_security`, territory.security);
    await call('PUT', `/${territory.database}/_design/reperes`, TERRITORY_DESIGN);
  }
  return {
    url,
    /** Every document of a database as the host sees it (admin). */
    raw: (database) => call('GET', `/${database}/_all_docs?include_docs=true&conflicts=true`),
    failWith: (mode) => {
      failure.mode = mode;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [port = '5985', ...origins] = process.argv.slice(2);
  const server = await startCouchServer({ port: Number(port), origins });
  console.log(`CouchDB-protocol server (in memory) at ${server.url}/, databases: ${EXAMPLE.teams.map((t) => t.database).join(', ')}`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
