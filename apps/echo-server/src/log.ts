// One structured JSON line per event on stdout, filtered by level. Request lines carry method, path
// (logical: never the payload, never a record key), status, ms, run id and origin.
import type { LogLevel } from './config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  enabled(level: LogLevel): boolean;
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const threshold = RANK[level];
  return {
    enabled: (candidate) => RANK[candidate] >= threshold,
    log(candidate, message, fields = {}) {
      if (RANK[candidate] < threshold) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level: candidate, msg: message, ...fields })}\n`);
    },
  };
}
