// One box for whatever a bug report holds: a HAR file, a cURL command, a fetch() call, or console
// lines. Which one it is follows from the text; each goes to its reader.
import { diagnose, type DiagnoseOptions, type Diagnosis } from '../diagnose/diagnose';
import { importCurl } from './curl';
import { importFetch } from './fetch';
import { importHar } from './har';
import type { ImportResult } from './request';

export type BugReportReading =
  | { kind: 'diagnosis'; diagnosis: Diagnosis }
  | { kind: 'curl' | 'fetch' | 'har'; result: ImportResult };

export function bugReportKind(text: string): 'har' | 'curl' | 'fetch' | 'diagnosis' {
  const start = text.trimStart();
  if (start.startsWith('{') && /"log"\s*:/.test(start)) return 'har';
  if (/^(\$\s*)?curl(\.exe)?\s/i.test(start)) return 'curl';
  if (/^(await\s+)?fetch\s*\(/.test(start)) return 'fetch';
  return 'diagnosis';
}

export function readBugReport(text: string, options: DiagnoseOptions = {}): BugReportReading {
  const kind = bugReportKind(String(text));
  if (kind === 'har') return { kind, result: importHar(text) };
  if (kind === 'curl') return { kind, result: importCurl(text) };
  if (kind === 'fetch') return { kind, result: importFetch(text) };
  return { kind, diagnosis: diagnose(text, options) };
}
