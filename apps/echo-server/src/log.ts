// One structured JSON line per event on stdout, filtered by level. Request lines carry method, path
// (logical: never the payload, never a record key), status, ms, run id and origin.
//
// Lines are buffered and written together once per turn of the event loop (or sooner when 64 KiB are
// waiting): under load, one write(2) per line cost the server about a sixth of its CPU (bench/README).
// Nothing is lost or reordered: `error` lines and everything queued before them are written at once,
// and whatever is queued when the process exits is written by the `exit` handler (stdout writes are
// synchronous for files, pipes and terminals on Linux).
import type { LogLevel } from './config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Queued characters after which the buffer is written without waiting for the end of the turn. */
const FLUSH_AT = 65_536;

export interface Logger {
  enabled(level: LogLevel): boolean;
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
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

/** Loggers with queued lines, written out when the process exits. */
const pending = new Set<Logger>();
let exitHookInstalled = false;

export function createLogger(level: LogLevel, write: (text: string) => void = (text) => void process.stdout.write(text)): Logger {
  const threshold = RANK[level];
  const time = timestamps();
  let queued = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    pending.delete(logger);
    if (queued === '') return;
    const text = queued;
    queued = '';
    write(text);
  };
  const logger: Logger = {
    enabled: (candidate) => RANK[candidate] >= threshold,
    log(candidate, message, fields = {}) {
      if (RANK[candidate] < threshold) return;
      // Built by hand: the same text as JSON.stringify({ time, level, msg, ...fields }) (time, level and
      // msg first, then the fields in their order, undefined ones left out; a field may not reuse one
      // of the first three names), without building the merged object.
      let line = `{"time":"${time()}","level":"${candidate}","msg":${JSON.stringify(message)}`;
      for (const name in fields) {
        const value = JSON.stringify(fields[name]);
        if (value !== undefined && name !== 'time' && name !== 'level' && name !== 'msg') line += `,${JSON.stringify(name)}:${value}`;
      }
      queued += `${line}}\n`;
      if (candidate === 'error' || queued.length >= FLUSH_AT) flush();
      else if (!scheduled) {
        scheduled = true;
        pending.add(logger);
        setImmediate(flush);
      }
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
