// What script could read, run by run: what the page actually got (status, the headers `headers.get`
// returns, the body, and the Cookie the server received) next to cors-core's prediction (the same, plus
// the cookies the browser holds afterwards, which a page cannot observe: HttpOnly and other origins'
// cookies are invisible to `document.cookie`, so the jar is shown as predicted only).
import type { Explanation } from '@cors-playground/cors-core';
import type { RunEntry } from '../../store/run-slice';
import { comparisonFor, selectPrediction, selectShownRun } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** Characters of the body shown. */
const BODY_SHOWN = 200;

type RecordedRun = NonNullable<RunEntry['result']>['runs'][number];

function headerOf(lines: readonly (readonly [string, string])[], name: string): string | null {
  const values = lines.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
  return values.length === 0 ? null : values.join(', ');
}

/** The Cookie header of each actual request of a run, as the server received it. */
function observedCookies(run: RecordedRun): (string | null)[] {
  return run.requests.filter((request) => request.kind === 'actual').map((request) => headerOf(request.rawHeaders, 'cookie'));
}

/** The header names of the answer script saw last (the server's record), lower-cased. */
function answerHeaderNames(run: RecordedRun): string[] {
  const last = run.requests.filter((request) => request.kind === 'actual').at(-1);
  const lines = last && 'headers' in last.answer ? last.answer.headers : [];
  return [...new Set(lines.map(([name]) => name.toLowerCase()))];
}

function Cookies({ values }: { values: (string | null)[] }) {
  if (values.length === 0) return <>no request reached the server</>;
  return <>{values.map((value, hop) => <span key={hop}>{hop > 0 ? ' → ' : ''}{value === null ? <em>no Cookie</em> : <code>Cookie: {value}</code>}</span>)}</>;
}

function RunReads({ index, run, explanation }: { index: number; run: RecordedRun | undefined; explanation: Explanation | undefined }) {
  const predicted = explanation?.prediction.runs[index];
  const predictedCookies = explanation?.cookies[index];
  const readable = run ? new Map(run.outcome.headers.map(([name, value]) => [name.toLowerCase(), value])) : undefined;
  const names = [...new Set([...(run ? answerHeaderNames(run) : []), ...Object.keys(predicted?.readable ?? {})])].sort();
  const sentSetCookie = run ? run.requests.some((request) => 'headers' in request.answer && headerOf(request.answer.headers, 'set-cookie') !== null) : false;
  return (
    <div className="script-reads-run" data-testid={`script-reads-run-${index}`}>
      <h4>Run {index + 1}</h4>
      <dl>
        <dt>Status script sees</dt>
        <dd>
          {run ? <span data-testid="observed-status">{run.outcome.kind === 'resolved' ? `${run.outcome.status}${run.outcome.type ? ` (${run.outcome.type})` : ''}` : `none: ${run.outcome.error?.name ?? 'error'}`}</span> : '(not run)'}
          {predicted && <span className="predicted"> · predicted {predicted.outcome === 'ok' ? predicted.status : predicted.outcome}</span>}
        </dd>
        <dt>Cookie sent</dt>
        <dd>
          {run ? <span data-testid="observed-cookie"><Cookies values={observedCookies(run)} /> <span className="hint">(the server's record)</span></span> : '(not run)'}
          {predictedCookies && <span className="predicted" data-testid="predicted-cookie"> · predicted <Cookies values={predictedCookies.sent} /></span>}
        </dd>
        <dt>Cookies the browser holds after it</dt>
        <dd data-testid="predicted-jar">
          {predictedCookies && predictedCookies.jar.length > 0
            ? predictedCookies.jar.map((cookie) => <code key={`${cookie.domain}${cookie.path}${cookie.name}`}>{cookie.name}={cookie.value} ({cookie.hostOnly ? '' : '.'}{cookie.domain}{cookie.sameSite === 'Default' ? '' : `, SameSite=${cookie.sameSite}`}{cookie.secureOnly ? ', Secure' : ''}{cookie.httpOnly ? ', HttpOnly' : ''}) </code>)
            : <em>none</em>}
          <span className="hint"> predicted: a page cannot list the browser's cookies (HttpOnly and other origins' cookies are invisible to script); the next run's Cookie above is the observed evidence</span>
        </dd>
      </dl>
      <table className="script-reads-headers">
        <caption>Response headers: what <code>headers.get(name)</code> returns</caption>
        <thead><tr><th scope="col">header</th><th scope="col">observed</th><th scope="col">predicted</th></tr></thead>
        <tbody>
          {names.map((name) => {
            const observedValue = readable ? readable.get(name) ?? null : undefined;
            const predictedValue = predicted?.readable[name];
            return (
              <tr key={name} data-testid={`readable-${name}`}>
                <th scope="row"><code>{name}</code></th>
                <td>{observedValue === undefined ? '(not run)' : observedValue === null ? <span className="hidden-header">hidden</span> : <span className="exposed-header">exposed: <code>{observedValue}</code></span>}</td>
                <td>{predictedValue === undefined ? '' : predictedValue === null ? <span className="hidden-header">hidden</span> : <span className="exposed-header">exposed: <code>{predictedValue}</code></span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sentSetCookie && <p className="hint" data-testid="set-cookie-never">The answer carried <code>Set-Cookie</code>: script never reads it (<code>headers.get('set-cookie')</code> is always null); the browser keeps the cookie or refuses it, as the steps below say.</p>}
      {run?.outcome.bodyExcerpt != null && (
        <p className="script-reads-body">Body: <code data-testid="observed-body">{run.outcome.bodyExcerpt.slice(0, BODY_SHOWN)}{run.outcome.bodyExcerpt.length > BODY_SHOWN ? '…' : ''}</code></p>
      )}
    </div>
  );
}

export function ScriptReads() {
  const run = useAppStore(selectShownRun);
  const current = useAppStore(selectPrediction);
  const runCount = useAppStore((state) => state.scenario.repeat);
  const prediction = run ? comparisonFor(run).prediction : current;
  const explanation = prediction.ok ? prediction.explanation : undefined;
  const count = run?.result ? run.result.runs.length : runCount;
  return (
    <div className="script-reads" data-testid="script-reads">
      <h3>What script could read{run?.result ? ` (run #${run.id}, observed next to predicted)` : ' (predicted; press Run to observe)'}</h3>
      {Array.from({ length: count }, (_, index) => <RunReads key={index} index={index} run={run?.result?.runs[index]} explanation={explanation} />)}
    </div>
  );
}
