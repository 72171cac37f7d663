// What the profiles share: the notes for policy fields a library cannot express.
import { isOriginAllowed, originNote, requestOrigin, starWithCredentialsNote, type PolicyNote, type PolicyRequest } from '../middleware';
import type { CorsPolicy } from '../schema';

type Field = 'refusal' | 'vary' | 'headersOnErrors' | 'preflightStatus';

/** A note for each policy field set away from what the library always does. */
export function notExpressible(policy: CorsPolicy, framework: string, fields: readonly Field[]): PolicyNote[] {
  const notes: PolicyNote[] = [];
  if (fields.includes('refusal') && policy.refusal === 'reject') {
    notes.push({ code: 'cannot-reject', text: `${framework} has no option to reject a refused origin with 403: it answers as usual without Access-Control-Allow-Origin.` });
  }
  if (fields.includes('vary') && !policy.vary) {
    notes.push({ code: 'cannot-skip-vary', text: `${framework} always sends Vary when the answer depends on the Origin; "vary: false" cannot be expressed.` });
  }
  if (fields.includes('headersOnErrors') && !policy.headersOnErrors) {
    notes.push({ code: 'always-keeps-headers', text: `${framework} sets the CORS headers before your handler runs, so error answers keep them; "headersOnErrors: false" cannot be expressed.` });
  }
  if (fields.includes('preflightStatus') && policy.preflightStatus !== 204) {
    notes.push({ code: 'preflight-always-204', text: `${framework} always answers a preflight with 204; a preflight status of ${policy.preflightStatus} cannot be expressed.` });
  }
  return notes;
}

export interface OriginDecision {
  /** The request's Origin, or null. */
  origin: string | null;
  /** The policy allows any origin with a literal "*". */
  star: boolean;
  /** The library lets this origin in ("*" counts). */
  allowed: boolean;
  /** What goes in Access-Control-Allow-Origin when the library sends "*" for "*" and reflects an allowed origin; null = none. */
  sentOrigin: string | null;
  /** `allowed`, or null when the request had no Origin. */
  allowedOrNone: boolean | null;
  notes: PolicyNote[];
}

/**
 * The Origin decision most libraries share: "*" sends "*" to everyone (credentials or not), a list or
 * a reflection sends back an allowed Origin. Notes the policy fields the library cannot express and
 * the "*"-with-credentials quirk.
 */
export function literalStarDecision(policy: CorsPolicy, request: PolicyRequest, framework: string, unexpressible: readonly Field[]): OriginDecision {
  const origin = requestOrigin(request);
  const star = policy.allowOrigins === '*';
  const allowed = star || isOriginAllowed(policy, origin);
  const sentOrigin = star ? '*' : allowed ? origin : null;
  const notes: PolicyNote[] = [originNote(policy, origin, allowed, sentOrigin), ...notExpressible(policy, framework, unexpressible)];
  if (star && policy.credentials) notes.push(starWithCredentialsNote(framework, '*'));
  return { origin, star, allowed, sentOrigin, allowedOrNone: origin === null ? null : allowed, notes };
}
