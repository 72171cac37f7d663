// The console messages each engine prints for one run's result.
import type { RunSimulation } from '../fetch/run';
import { chromiumConsoleMessage, chromiumDevtoolsIssue, chromiumRefusedHeaderMessage } from './chromium';
import { firefoxConsoleMessage, firefoxCookieMessages, MDN_SET_COOKIE } from './firefox';
import { webkitConsoleMessage } from './webkit';

export * from './chromium';
export * from './firefox';
export * from './webkit';

export interface ConsoleMessages {
  chromium: string | null;
  firefox: { text: string; mdn: string } | null;
  webkit: string | null;
  devtoolsIssue: string | null;
}

export function consoleMessagesFor(run: RunSimulation): ConsoleMessages {
  const failure = run.failure;
  const context = { api: run.api, documentOrigin: run.documentOrigin };
  const chromiumCors = failure ? chromiumConsoleMessage(failure, context) : null;
  const refused = run.refusedHeaders[0];
  const cors = failure ? firefoxConsoleMessage(failure, { documentUrl: run.documentUrl }) : null;
  // Firefox also warns about each cookie it rejects (the others print nothing the verifier sees).
  const cookieTexts = firefoxCookieMessages(run.decisions);
  const firefox = cookieTexts.length === 0 ? cors : { text: [...cookieTexts, ...(cors ? [cors.text] : [])].join('\n'), mdn: cors?.mdn ?? MDN_SET_COOKIE };
  return {
    chromium: chromiumCors ?? (refused !== undefined ? chromiumRefusedHeaderMessage(refused) : null),
    firefox: firefox ? { text: firefox.text, mdn: firefox.mdn } : null,
    webkit: failure ? webkitConsoleMessage(failure, run.documentOrigin) : null,
    devtoolsIssue: chromiumDevtoolsIssue(failure, run.authorizationCoveredByWildcard),
  };
}
