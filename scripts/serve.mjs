// Serves the production build (dist/) on localhost, as a static host would. No dependency.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..', process.env.REPERES_DIST ?? 'dist');
const port = Number(process.env.PORT ?? process.argv[2] ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.webm': 'audio/webm',
  '.wav': 'audio/wav',
};

/** Text types a static host compresses (nginx `gzip_types`, Apache `mod_deflate`); images in PNG are already compressed. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt']);
/** Compressed bodies, by encoding, path and modification time: each file is compressed once. */
const compressed = new Map();

function encodedBody(path, encoding) {
  const key = `${encoding}:${path}:${statSync(path).mtimeMs}`;
  let body = compressed.get(key);
  if (!body) {
    const raw = readFileSync(path);
    body = encoding === 'br' ? brotliCompressSync(raw) : gzipSync(raw, { level: 9 });
    compressed.set(key, body);
  }
  return body;
}

/** The encoding the browser accepts that we prefer: brotli, then gzip, else none. */
function pickEncoding(header) {
  const accepted = String(header ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.replace(/^\s*q=/, '')) > 0)
    .map(([name]) => name.trim());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No build in ${root}: run "npm run build" first.`);
  process.exit(1);
}

/** The file a URL's path names inside the build, or undefined for a malformed or escaping path. */
function fileOf(rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined; // `/%E0%A4%A`: not a path at all.
  }
  if (pathname.includes('\0')) return undefined;
  const path = normalize(join(root, pathname));
  // Inside the build only: `/..%2Fdist-old%2Fx` starts with the build's name, not with its folder.
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

const server = createServer((req, res) => {
  try {
    serve(req, res);
  } catch (error) {
    // A file gone between two checks, a read that fails: an answer, never a dead server.
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('Server error');
  }
});

function serve(req, res) {
  let path = fileOf(req.url);
  if (path === undefined) {
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request');
    return;
  }
  if (!existsSync(path) || statSync(path).isDirectory()) {
    const index = join(path, 'index.html');
    path = existsSync(index) ? index : extname(path) ? '' : join(root, 'index.html');
  }
  if (!path) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const headers = {
    'Content-Type': types[extname(path)] ?? 'application/octet-stream',
    // The service worker and the settings must always be fresh; hashed assets may be cached for long.
    'Cache-Control': /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const encoding = COMPRESSIBLE.has(extname(path)) ? pickEncoding(req.headers['accept-encoding']) : undefined;
  if (COMPRESSIBLE.has(extname(path))) headers.Vary = 'Accept-Encoding';
  if (encoding) {
    const body = encodedBody(path, encoding);
    res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, headers);
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}

server.listen(port, '127.0.0.1', () => {
  console.log(`Repères is served at http://localhost:${port}/ (Ctrl+C to stop)`);
});
