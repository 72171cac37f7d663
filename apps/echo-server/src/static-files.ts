// Static files of the web build (`--web-dir`), on every origin: the SPA on the page origin and the runner
// page on all three. `Access-Control-Allow-Origin: *` lets a sandboxed (origin `null`) runner load its
// module script. No path leaves the root: the path is decoded once, normalized, dot segments and
// dotfiles refused, and the real path (symlinks resolved) must still be inside the root.
import { realpathSync, statSync } from 'node:fs';
import { extname, join, posix, sep } from 'node:path';
import type { LogFields, Reply } from './handler';

export interface StaticRoot {
  /** The real path of the web build directory. */
  dir: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Vite names built assets `name-<hash>.ext`: those never change and may be cached for a year. */
const HASHED_ASSET = /^\/assets\/.+[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function openStaticRoot(dir: string | null): StaticRoot | null {
  if (dir === null) return null;
  try {
    const real = realpathSync(dir);
    return statSync(real).isDirectory() ? { dir: real } : null;
  } catch {
    return null;
  }
}

function text(status: number, message: string, log: LogFields, extra: [string, string][] = []): Reply {
  const body = Buffer.from(`${message}\n`, 'utf8');
  return {
    type: 'response',
    status,
    headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Access-Control-Allow-Origin', '*'], ...extra, ['Content-Length', String(body.length)]],
    body,
    delayMs: 0,
    log,
  };
}

/** The file a URL path names inside the root, or undefined (missing, a directory without index, outside). */
function fileFor(root: StaticRoot, urlPath: string): { file: string; size: number; mtimeMs: number } | undefined {
  const normalized = posix.normalize(urlPath);
  if (normalized.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  let candidate = join(root.dir, ...normalized.split('/').filter(Boolean));
  try {
    let stats = statSync(candidate);
    if (stats.isDirectory()) {
      candidate = join(candidate, 'index.html');
      stats = statSync(candidate);
    }
    if (!stats.isFile()) return undefined;
    const real = realpathSync(candidate);
    if (!real.startsWith(root.dir + sep)) return undefined;
    return { file: real, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

export function staticFileReply(
  root: StaticRoot | null,
  pathname: string,
  onPageOrigin: boolean,
  rawHeaders: readonly string[],
  method: string,
  log: LogFields,
): Reply {
  if (!root) return text(404, 'Not found (this server was started without --web-dir, so it serves no web app).', log);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return text(400, 'The path is not valid percent-encoded UTF-8.', log);
  }
  if (/[\0\\]/.test(decoded) || decoded.split('/').includes('..')) return text(400, 'The path may not contain "..", backslashes or NUL.', log);
  let found = fileFor(root, decoded);
  let fallback = false;
  // The SPA routes its own paths: unknown paths on the page origin get index.html, except missing assets,
  // which must stay 404 (HTML served as a script would only hide the real error).
  if (!found && onPageOrigin && !decoded.startsWith('/assets/')) {
    found = fileFor(root, '/index.html');
    fallback = true;
  }
  if (!found) return text(404, 'Not found.', log);

  const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
  const type = CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
  const cache = !fallback && HASHED_ASSET.test(decoded) ? 'public, max-age=31536000, immutable' : 'no-cache';
  const headers: [string, string][] = [
    ['Content-Type', type],
    ['Cache-Control', cache],
    ['ETag', etag],
    ['Access-Control-Allow-Origin', '*'],
    ['X-Content-Type-Options', 'nosniff'],
  ];
  let ifNoneMatch: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === 'if-none-match') ifNoneMatch = rawHeaders[i + 1];
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
    return { type: 'response', status: 304, headers, body: Buffer.alloc(0), delayMs: 0, log };
  }
  headers.push(['Content-Length', String(found.size)]);
  if (method === 'HEAD') return { type: 'response', status: 200, headers, body: Buffer.alloc(0), delayMs: 0, log };
  return { type: 'file', status: 200, headers, file: found.file, log };
}
