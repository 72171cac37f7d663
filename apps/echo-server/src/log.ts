// One structured JSON line per event on stdout, filtered by level. Request lines carry method, path
// (logical: never the payload, never a record key), status, ms, run id and origin.
//
// Lines are buffered and written together, at most 20 ms after the first of them (sooner when 64 KiB
// are waiting): under load, one write(2) per line cost the server about a sixth of its CPU (see README,
// "Bench"). Nothing is reordered, and nothing is lost unless the process is killed outright: `error`
// lines and everything queued before them are written at once, and whatever is queued when the process
// exits is written by the `exit` handler (stdout writes are synchronous for files, pipes and terminals
// on Linux).
import type { LogLevel } from './config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Bytes of lines written together at most. */
const BUFFER_BYTES = 65_536;
/** How long a line may wait for others before they are written. */
const FLUSH_AFTER_MS = 20;

/** The fields of a `request` line, in their order. */
export interface RequestFields {
  method: string;
  path: string | undefined;
  status: number;
  ms: number;
  runId: string | undefined;
  origin: string | undefined;
}

export interface Logger {
  enabled(level: LogLevel): boolean;
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  /** The same line as `log(level, 'request', fields)`, built faster: there is one per request. */
  request(level: LogLevel, fields: RequestFields): void;
  /** Writes the queued lines now. */
  flush(): void;
}

/** ISO time of the current millisecond, computed once per millisecond (many lines share one). */
function timestamps(): () => string {
  let lastMs = -1;
  let lastText = '';
  return () => {
    const now = Date.now();
    if (now !== lastMs) {
      lastMs = now;
      lastText = new Date(now).toISOString();
    }
    return lastText;
  };
}

// Field names are few and fixed in the code: each is quoted once.
const quotedNames = new Map<string, string>();
function quotedName(name: string): string {
  let quoted = quotedNames.get(name);
  if (quoted === undefined) {
    quoted = JSON.stringify(name);
    if (quotedNames.size < 256) quotedNames.set(name, quoted);
  }
  return quoted;
}

// Text that JSON.stringify would quote as it is (printable ASCII but `"` and `\`).
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function jsonString(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

/** Loggers with queued lines, written out when the process exits. */
const pending = new Set<Logger>();
let exitHookInstalled = false;

export function createLogger(level: LogLevel, write: (chunk: Uint8Array) => void = (chunk) => void process.stdout.write(chunk)): Logger {
  const threshold = RANK[level];
  const time = timestamps();
  // Lines are encoded into this buffer as they come (no string is kept waiting, so nothing queued
  // outlives the young generation of the garbage collector), and the buffer is handed over whole.
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending.delete(logger);
    if (used === 0) return;
    const chunk = buffer.subarray(0, used);
    buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    used = 0;
    write(chunk);
  };
  const append = (line: string) => {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (used + line.length * 3 > BUFFER_BYTES) flush();
    if (line.length * 3 > BUFFER_BYTES) write(Buffer.from(line, 'utf8'));
    else used += buffer.write(line, used, 'utf8');
  };
  const queue = (level: LogLevel, line: string) => {
    append(line);
    if (level === 'error') flush();
    else if (timer === undefined && used > 0) {
      pending.add(logger);
      timer = setTimeout(flush, FLUSH_AFTER_MS);
      timer.unref();
    }
  };
  const logger: Logger = {
    enabled: (candidate) => RANK[candidate] >= threshold,
    log(candidate, message, fields = {}) {
      if (RANK[candidate] < threshold) return;
      // Built by hand: the same text as JSON.stringify({ time, level, msg, ...fields }) (time, level and
      // msg first, then the fields in their order, undefined ones left out; a field name may not be one
      // of the first three nor an array index), without building the merged object.
      let line = `{"time":"${time()}","level":"${candidate}","msg":${JSON.stringify(message)}`;
      for (const name in fields) {
        const field = fields[name];
        const value = typeof field === 'number' && Number.isFinite(field) ? String(field) : JSON.stringify(field);
        if (value !== undefined && name !== 'time' && name !== 'level' && name !== 'msg') line += `,${quotedName(name)}:${value}`;
      }
      queue(candidate, `${line}}\n`);
    },
    request(candidate, fields) {
      if (RANK[candidate] < threshold) return;
      const { method, path, status, ms, runId, origin } = fields;
      queue(
        candidate,
        `{"time":"${time()}","level":"${candidate}","msg":"request","method":${jsonString(method)}${path === undefined ? '' : `,"path":${jsonString(path)}`},"status":${jsonNumber(status)},"ms":${jsonNumber(ms)}${runId === undefined ? '' : `,"runId":${jsonString(runId)}`}${origin === undefined ? '' : `,"origin":${jsonString(origin)}`}}\n`,
      );
    },
    flush,
  };
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const each of [...pending]) each.flush();
    });
  }
  return logger;
}
