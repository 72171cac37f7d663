// One answer of a route (the preflight's or the actual request's): status, header rows, body, and a
// shortcut for redirects (a Location header and a 3xx status).
import { formatPath, type Answer } from '@cors-playground/cors-core';
import { useId } from 'react';
import { DEFAULT_ANSWER, makeRedirect, type AnswerKind } from '../../store/scenario-edits';
import { HeaderRows } from '../HeaderRows/HeaderRows';

export interface AnswerEditorProps {
  routeKey: string;
  kind: AnswerKind;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  issues: Map<string, string>;
}

const TITLES: Record<AnswerKind, string> = { preflight: 'Preflight answer (OPTIONS)', actual: 'Actual answer' };
/** The id of the one list of response header names every answer's name fields suggest from. */
export const RESPONSE_HEADER_LIST = 'response-header-names';
export const RESPONSE_HEADER_NAMES = [
  'Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers',
  'Access-Control-Max-Age', 'Access-Control-Expose-Headers', 'Content-Type', 'Location', 'Vary', 'Set-Cookie', 'Cache-Control',
];

export function AnswerEditor({ routeKey, kind, answer, onChange, issues }: AnswerEditorProps) {
  const id = useId();
  const path = formatPath(['server', 'routes', routeKey, kind]);
  const location = answer?.headers.find(([name]) => name.toLowerCase() === 'location')?.[1] ?? '';
  const statusIssue = issues.get(`${path}.status`);
  return (
    <fieldset className="answer">
      <legend>{TITLES[kind]}</legend>
      <label>
        <input type="checkbox" checked={answer !== undefined} onChange={(event) => onChange(event.target.checked ? { ...DEFAULT_ANSWER, status: kind === 'preflight' ? 204 : 200 } : undefined)} />{' '}
        {kind === 'preflight' ? 'The server answers preflights on this route' : 'The server answers other requests on this route'}
      </label>
      {answer === undefined ? (
        <p className="hint">No answer: the server sends 404 with no CORS headers.</p>
      ) : (
        <>
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${id}-status`}>Status</label>
              <input
                id={`${id}-status`}
                type="number"
                min={200}
                max={599}
                value={Number.isFinite(answer.status) ? answer.status : ''}
                aria-invalid={statusIssue ? true : undefined}
                onChange={(event) => onChange({ ...answer, status: event.target.valueAsNumber })}
              />
              {statusIssue && <p className="issue" role="note">⚠ {statusIssue}</p>}
            </div>
            <div className="field">
              <label htmlFor={`${id}-location`}>Redirect to (Location)</label>
              <input
                id={`${id}-location`}
                value={location}
                placeholder="e.g. {other}/final"
                spellCheck={false}
                onChange={(event) =>
                  onChange(
                    event.target.value
                      ? makeRedirect(answer, event.target.value)
                      : { ...answer, headers: answer.headers.filter(([name]) => name.toLowerCase() !== 'location') },
                  )
                }
              />
            </div>
          </div>
          <HeaderRows label={`${TITLES[kind]} headers`} rows={answer.headers} onChange={(headers) => onChange({ ...answer, headers })} path={`${path}.headers`} issues={issues} suggestions={RESPONSE_HEADER_LIST} />
          <div className="field">
            <label htmlFor={`${id}-body`}>Body</label>
            <textarea id={`${id}-body`} rows={2} value={answer.body ?? ''} spellCheck={false} onChange={(event) => onChange({ ...answer, body: event.target.value || undefined })} />
          </div>
        </>
      )}
    </fieldset>
  );
}
