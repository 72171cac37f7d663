// Ways in: "Copy as cURL", "Copy as fetch" and HAR files into scenarios; and a scenario back into cURL.
export { bashQuote, bashWords, cmdWords, exportCurl, importCurl, isCmdQuoting, parseCurl, type CurlExportOptions } from './curl';
export { importFetch, parseFetch } from './fetch';
export { harEntries, importHar, type HarEntrySummary, type HarImportOptions } from './har';
export { OriginMap, type CopiedAnswer, type CopiedRequest, type ImportResult, type NotCarried } from './request';
export { bugReportKind, readBugReport, type BugReportReading } from './bug-report';
