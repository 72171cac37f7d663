// The standalone HTML page of a repro bundle: it performs the scenario's request(s) as the page would
// (fetch or XMLHttpRequest, as the scenario says) when the reader clicks Run, and prints what script
// saw. Nothing from the scenario is ever written into markup or code: the requests travel as JSON in a
// `<script type="application/json">` block, escaped so that no text can close it, and the page's one
// static script prints every value with textContent. No external resources (the CSP says so too).

/** One request the page performs, URLs already resolved. */
export interface PageRequest {
  api: 'fetch' | 'xhr';
  url: string;
  method: string;
  headers: [string, string][];
  body: string | null;
  mode: string;
  credentials: string;
  cache?: string;
  redirect?: string;
  uploadListener: boolean;
}

export interface PageData {
  title: string;
  /** The origin the page must be opened from to reproduce the scenario (or `null` for an opaque origin). */
  pageOrigin: string;
  /** What cors-core predicts for each run (`ok`, `network-error`, ...). */
  predicted: string[];
  runs: PageRequest[];
}

/** Text for an HTML text node or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become \u escapes (so neither
 * `</script` nor `<!--` can appear), and so do U+2028/2029; JSON.parse gives back the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// The page's one script. Static: it reads the data block and never evaluates or injects any of it.
const SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('repro-data').textContent);
  var out = document.getElementById('out');
  function add(tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    out.appendChild(el);
    return el;
  }
  function errorOf(e) { return e && typeof e === 'object' && 'name' in e ? String(e.name) + ': ' + String(e.message) : String(e); }
  function viaFetch(r) {
    var init = { method: r.method, headers: r.headers, mode: r.mode, credentials: r.credentials };
    if (r.body !== null) init.body = r.body;
    if (r.cache) init.cache = r.cache;
    if (r.redirect) init.redirect = r.redirect;
    var request;
    // The Request constructor is where fetch() throws before anything is sent (bad header, bad method).
    try { request = new Request(r.url, init); } catch (e) { return Promise.resolve({ outcome: 'throws-before-send', error: errorOf(e) }); }
    return fetch(request).then(function (response) {
      return response.text().then(null, function () { return ''; }).then(function (body) {
        return { outcome: response.type === 'opaque' || response.type === 'opaqueredirect' ? 'opaque' : 'ok', status: response.status, type: response.type, headers: Array.from(response.headers), body: body };
      });
    }, function (e) { return { outcome: 'network-error', error: errorOf(e) }; });
  }
  function viaXhr(r) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      try {
        xhr.open(r.method, r.url, true);
        r.headers.forEach(function (h) { xhr.setRequestHeader(h[0], h[1]); });
        if (r.credentials === 'include') xhr.withCredentials = true;
        if (r.uploadListener) xhr.upload.addEventListener('progress', function () {});
      } catch (e) { resolve({ outcome: 'throws-before-send', error: errorOf(e) }); return; }
      xhr.onload = function () {
        var headers = xhr.getAllResponseHeaders().split('\r\n').filter(function (l) { return l.indexOf(':') > 0; }).map(function (l) { var i = l.indexOf(':'); return [l.slice(0, i).trim(), l.slice(i + 1).trim()]; });
        resolve({ outcome: 'ok', status: xhr.status, headers: headers, body: xhr.responseText });
      };
      xhr.onerror = function () { resolve({ outcome: 'network-error', error: 'NetworkError: the XMLHttpRequest fired "error"' }); };
      try { xhr.send(r.body); } catch (e) { resolve({ outcome: 'throws-before-send', error: errorOf(e) }); }
    });
  }
  function report(index, r, result) {
    add('h2', 'Run ' + (index + 1) + ': ' + r.method + ' ' + r.url + ' (' + r.api + ')');
    var line = add('p', 'Outcome: ' + result.outcome + (result.status !== undefined ? ', status ' + result.status : '') + ' (cors-core predicted ' + data.predicted[index] + ')', 'outcome');
    line.setAttribute('data-outcome', result.outcome);
    if (result.error) add('p', 'Error: ' + result.error, 'error');
    if (result.headers) add('pre', 'Headers script can read:\n' + (result.headers.map(function (h) { return h[0] + ': ' + h[1]; }).join('\n') || '(none)'));
    if (result.body !== undefined) add('pre', 'Body (first 2048 characters):\n' + String(result.body).slice(0, 2048));
  }
  document.getElementById('page-origin').textContent = data.pageOrigin;
  if (data.pageOrigin !== 'null' && location.origin !== data.pageOrigin) add('p', 'Warning: this page is at ' + location.origin + ', not at ' + data.pageOrigin + ': the browser sends a different Origin, so the result may differ from the report.', 'warning');
  document.getElementById('run').addEventListener('click', function () {
    var button = this;
    button.disabled = true;
    var results = [];
    data.runs.reduce(function (previous, r, index) {
      return previous.then(function () { return r.api === 'xhr' ? viaXhr(r) : viaFetch(r); }).then(function (result) { results.push(result); report(index, r, result); });
    }, Promise.resolve()).then(function () {
      document.body.setAttribute('data-outcomes', results.map(function (r) { return r.outcome; }).join(' '));
      button.disabled = false;
    });
  });
})();
`;

/** The page: a title, where to open it, a Run button, and the printed results. */
export function reproPage(data: PageData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src *">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`CORS repro: ${data.title}`)}</title>
<style>body { font: 16px/1.45 system-ui, sans-serif; margin: 1.5rem; max-width: 60rem; } pre { background: #f3f3f3; padding: 0.5rem; white-space: pre-wrap; overflow-wrap: anywhere; } .error, .warning { color: #a00; }</style>
</head>
<body>
<h1>${escapeHtml(`CORS repro: ${data.title}`)}</h1>
<p>Open this file from <code id="page-origin"></code> (the page origin of the report), then press Run. It performs the request as the page does and prints what script sees. The browser's console shows the CORS error, if any.</p>
<button type="button" id="run">Run</button>
<div id="out" aria-live="polite"></div>
<script type="application/json" id="repro-data">${jsonForScript(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
