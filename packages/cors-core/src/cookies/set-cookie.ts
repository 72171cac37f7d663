// Parsing a `Set-Cookie` line: RFC 6265bis (draft-ietf-httpbis-rfc6265bis-20), section 5.6, "The
// Set-Cookie Header Field", and its cookie-date algorithm (5.6.1.1). Partitioned: CHIPS
// (draft-cutler-httpbis-partitioned-cookies). Pure: the time is passed in.

export const RFC6265BIS = 'https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html';
export const CHIPS = 'https://www.ietf.org/archive/id/draft-cutler-httpbis-partitioned-cookies-01.html';

/** SameSite enforcement: 'Default' when the attribute is absent or its value unknown (5.6.7). */
export type SameSiteEnforcement = 'Strict' | 'Lax' | 'None' | 'Default';

export interface ParsedSetCookie {
  name: string;
  value: string;
  /** The last Expires that parsed, in ms since the epoch. */
  expires?: number;
  /** The last valid Max-Age, in seconds (may be 0 or negative: delete). */
  maxAge?: number;
  /** The last non-empty Domain, without a leading '.', lower-cased. */
  domain?: string;
  /** The last Path starting with '/'; absent = the default path. */
  path?: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSiteEnforcement;
  partitioned: boolean;
}

export type SetCookieParse =
  | { ok: true; cookie: ParsedSetCookie }
  | { ok: false; reason: 'control-character' | 'too-long' | 'empty-name-and-value' };

/** 5.6: "the sum of the lengths of cookie-name and cookie-value is more than 4096 octets" → ignore. */
export const MAX_NAME_VALUE_LENGTH = 4096;
/** 5.6: an attribute value longer than 1024 octets is ignored. */
export const MAX_ATTRIBUTE_VALUE_LENGTH = 1024;
/** 5.6.1 / 5.6.2: expiry is capped at 400 days from now. */
export const MAX_COOKIE_AGE_SECONDS = 400 * 24 * 60 * 60;

// eslint-disable-next-line no-control-regex -- the RFC names these control characters
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
const WSP = /^[ \t]+|[ \t]+$/g;
const trim = (text: string) => text.replace(WSP, '');

// https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#section-5.6
/** Parses one `Set-Cookie` value; a line the RFC says to ignore comes back with the reason. Never throws. */
export function parseSetCookie(setCookie: string): SetCookieParse {
  // 1. "If the set-cookie-string contains a %x00-08 / %x0A-1F / %x7F character (CTL characters excluding
  // HTAB): Abort these steps and ignore the set-cookie-string entirely."
  if (CONTROL.test(setCookie)) return { ok: false, reason: 'control-character' };
  // 2. The name-value-pair is everything up to the first ";".
  const semicolon = setCookie.indexOf(';');
  const nameValuePair = semicolon === -1 ? setCookie : setCookie.slice(0, semicolon);
  const unparsedAttributes = semicolon === -1 ? '' : setCookie.slice(semicolon);
  // 3. No "=": the name is empty and the whole pair is the value.
  const eq = nameValuePair.indexOf('=');
  // 4. "Remove any leading or trailing WSP characters from the name string and the value string."
  const name = eq === -1 ? '' : trim(nameValuePair.slice(0, eq));
  const value = trim(eq === -1 ? nameValuePair : nameValuePair.slice(eq + 1));
  // 5. "If the sum of the lengths of the name string and the value string is more than 4096 octets, abort".
  if (name.length + value.length > MAX_NAME_VALUE_LENGTH) return { ok: false, reason: 'too-long' };
  // 5.7 step 2 (storage): "If name-value-pair ... both empty, abort" is checked here too: nothing to store.
  if (name === '' && value === '') return { ok: false, reason: 'empty-name-and-value' };
  const cookie: ParsedSetCookie = { name, value, secure: false, httpOnly: false, sameSite: 'Default', partitioned: false };
  for (const attribute of unparsedAttributes.split(';').slice(1)) {
    const attrEq = attribute.indexOf('=');
    const attributeName = trim(attrEq === -1 ? attribute : attribute.slice(0, attrEq)).toLowerCase();
    const attributeValue = attrEq === -1 ? '' : trim(attribute.slice(attrEq + 1));
    // "If the attribute-value contains more than 1024 octets, ignore the cookie-av string".
    if (attributeValue.length > MAX_ATTRIBUTE_VALUE_LENGTH) continue;
    switch (attributeName) {
      case 'expires': {
        // 5.6.1: a date that does not parse is ignored.
        const time = parseCookieDate(attributeValue);
        if (time !== undefined) cookie.expires = time;
        break;
      }
      case 'max-age': {
        // 5.6.2: "If the first character of the attribute-value is neither a DIGIT, nor a "-" character
        // followed by a DIGIT, ignore the cookie-av. If the remainder of attribute-value contains a
        // non-DIGIT character, ignore the cookie-av."
        if (!/^-?\d+$/.test(attributeValue)) break;
        cookie.maxAge = Number.parseInt(attributeValue, 10);
        break;
      }
      case 'domain': {
        // 5.6.3: empty → ignored (the SHOULD); a leading "." is removed; lower-cased.
        if (attributeValue === '') break;
        cookie.domain = attributeValue.replace(/^\./, '').toLowerCase();
        break;
      }
      case 'path': {
        // 5.6.4: "If the attribute-value is empty or if the first character of the attribute-value is
        // not "/": Let cookie-path be the default-path." (absent here = the default path).
        if (attributeValue.startsWith('/')) cookie.path = attributeValue;
        else delete cookie.path;
        break;
      }
      case 'secure':
        cookie.secure = true; // 5.6.5
        break;
      case 'httponly':
        cookie.httpOnly = true; // 5.6.6
        break;
      case 'samesite': {
        // 5.6.7: "Let enforcement be "Default". If cookie-av's attribute-value is a case-insensitive
        // match for "None" / "Strict" / "Lax", set enforcement to it."
        const lower = attributeValue.toLowerCase();
        cookie.sameSite = lower === 'none' ? 'None' : lower === 'strict' ? 'Strict' : lower === 'lax' ? 'Lax' : 'Default';
        break;
      }
      case 'partitioned':
        cookie.partitioned = true; // CHIPS
        break;
      default:
        // "The user agent MUST ignore ... unrecognized cookie-av".
        break;
    }
  }
  return { ok: true, cookie };
}

// eslint-disable-next-line no-control-regex -- the RFC's delimiter set starts with HTAB
const DELIMITER = /[\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#section-5.1.1
/** The cookie-date algorithm: ms since the epoch (UTC), or undefined when the date fails to parse. */
export function parseCookieDate(text: string): number | undefined {
  let time: [number, number, number] | undefined;
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  // 1. "Using the grammar below, divide the cookie-date into date-tokens."
  for (const token of text.split(DELIMITER)) {
    if (token === '') continue;
    // 2.1 time: hms-time ( non-digit *OCTET ): 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT
    const hms = time === undefined ? /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D.*)?$/.exec(token) : null;
    if (hms) {
      time = [Number(hms[1]), Number(hms[2]), Number(hms[3])];
      continue;
    }
    // 2.2 day-of-month: 1*2DIGIT ( non-digit *OCTET )
    const dom = day === undefined ? /^(\d{1,2})(?:\D.*)?$/.exec(token) : null;
    if (dom) {
      day = Number(dom[1]);
      continue;
    }
    // 2.3 month: the first three characters name a month.
    if (month === undefined) {
      const index = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
      if (index !== -1) {
        month = index;
        continue;
      }
    }
    // 2.4 year: 2*4DIGIT ( non-digit *OCTET )
    const yr = year === undefined ? /^(\d{2,4})(?:\D.*)?$/.exec(token) : null;
    if (yr) year = Number(yr[1]);
  }
  if (year !== undefined) {
    // 3. "If the year-value is greater than or equal to 70 and less than or equal to 99, increment the
    // year-value by 1900." 4. "If ... 0 ... 69, increment the year-value by 2000."
    if (year >= 70 && year <= 99) year += 1900;
    else if (year >= 0 && year <= 69) year += 2000;
  }
  // 5. Abort when a part is missing, the day is outside 1-31, the year before 1601, or the time out of range.
  if (time === undefined || day === undefined || month === undefined || year === undefined) return undefined;
  if (day < 1 || day > 31 || year < 1601 || time[0] > 23 || time[1] > 59 || time[2] > 59) return undefined;
  // 6. "If the date does not exist (e.g. 31 February), abort these steps and fail to parse."
  const ms = Date.UTC(year, month, day, time[0], time[1], time[2]);
  if (new Date(ms).getUTCDate() !== day) return undefined;
  return ms;
}
