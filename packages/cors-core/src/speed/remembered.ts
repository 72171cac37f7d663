// explain() asks the same few questions on every run of every scenario: the serialized origin of each
// configured origin, the document's origin, the URL of the runner page. Parsing them again each time was
// a tenth of explain()'s cost, so each answer is computed once per string (memo.ts).
import { parseUrl, serializeOrigin } from '../fetch/urls';
import { memoizeByString } from './memo';

/** The serialized origin of a configured origin, or the text itself when it does not parse. */
export const serializedOriginOf = memoizeByString((origin) => {
  const parsed = parseUrl(origin);
  return parsed ? serializeOrigin(parsed) : origin;
});

/** The document's origin: a serialized origin, or 'null' for a sandboxed frame. */
export const documentOriginOf = memoizeByString((page: string): string => {
  if (page === 'null') return 'null';
  const parsed = parseUrl(page);
  return parsed ? serializeOrigin(parsed) : 'null';
});

/** The runner page's URL, which relative request URLs resolve against: `runner.html` on the page's origin. */
export const runnerPageUrlOf = memoizeByString((pageOrigin) => parseUrl(`${pageOrigin}/runner.html`));
