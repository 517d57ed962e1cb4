// Calls to Reckoner's JSON API (/api/v1/*), its files (GET /api/v1/files/{id}) and, for the one thing the API
// gives only as an MCP resource (a case's chart), /mcp. The access token, when the server needs one, lives only
// in the variable below: never in localStorage, sessionStorage, a cookie or the URL.

let token = null;
/** The token request being shown, shared by every call that meets a 401 at the same time. */
let pendingToken = null;
/** Set by the page: shows the token form and resolves with the token typed, or null if the adviser cancels. */
let askForToken = async () => null;

export function onTokenNeeded(ask) {
  askForToken = ask;
}

/**
 * A failure in the API's own shape, `{ code, message, details: [{ field, message }] }`, for errors that
 * never reached the API (the network) or came back without its JSON.
 */
function failure(code, message) {
  return { code, message, details: [] };
}

const UNREACHABLE = () => ({
  ok: false,
  status: 0,
  error: failure('network', 'Reckoner could not be reached. Is the server still running?'),
});

/**
 * Sends one request with the current token and gives back `{ status, response }` (a fetch Response, or an
 * object with the same `json()`), asking for a token on a 401 (once for calls made together) and trying again
 * with it. `send(headers)` makes the request; it throws when the server cannot be reached.
 */
async function withToken(send) {
  let rejected = false;
  for (;;) {
    const sentWith = token;
    const headers = sentWith === null ? {} : { authorization: `Bearer ${sentWith}` };
    let response;
    try {
      response = await send(headers);
    } catch {
      return { unreachable: true };
    }
    if (response.status !== 401) return { response };
    // Another call may already have been given a new token while this one was on its way.
    if (token !== sentWith) continue;
    pendingToken ??= askForToken({ retry: rejected || sentWith !== null }).finally(() => {
      pendingToken = null;
    });
    const given = await pendingToken;
    if (given === null) return { refused: true };
    token = given;
    rejected = true;
  }
}

/** The API's answer as `{ ok: true, data }` or `{ ok: false, status, error }`. */
async function answerOf(outcome) {
  if (outcome.unreachable) return UNREACHABLE();
  if (outcome.refused) {
    return { ok: false, status: 401, error: failure('unauthorized', 'This server needs an access token; none was given.') };
  }
  const { response } = outcome;
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (response.ok && json !== null) return { ok: true, data: json };
  if (json && json.error && typeof json.error.message === 'string') {
    const details = Array.isArray(json.error.details) ? json.error.details : [];
    return { ok: false, status: response.status, error: { code: json.error.code, message: json.error.message, details } };
  }
  return { ok: false, status: response.status, error: failure('internal', `Reckoner answered with an error (${response.status}).`) };
}

/**
 * POSTs `body` to /api/v1/<route>. Resolves with `{ ok: true, data }` or `{ ok: false, status, error }`;
 * never throws. A 401 asks for a token (once for calls made together) and tries again with it.
 */
export async function post(route, body) {
  const text = JSON.stringify(body);
  const outcome = await withToken((auth) =>
    fetch(`/api/v1/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...auth },
      body: text,
      cache: 'no-store',
    }),
  );
  return answerOf(outcome);
}

/**
 * As {@link post}, for a large body (a document): sent with XMLHttpRequest, the one browser API that reports
 * upload progress. `onProgress(sent, total)` is called as the bytes go; `onSent()` once they all have.
 */
export async function postWithProgress(route, body, { onProgress = () => {}, onSent = () => {} } = {}) {
  const text = JSON.stringify(body);
  const outcome = await withToken(
    (auth) =>
      new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api/v1/${route}`);
        xhr.setRequestHeader('content-type', 'application/json');
        xhr.setRequestHeader('accept', 'application/json');
        for (const [name, value] of Object.entries(auth)) xhr.setRequestHeader(name, value);
        xhr.upload.addEventListener('progress', (event) => {
          if (event.lengthComputable) onProgress(event.loaded, event.total);
        });
        xhr.upload.addEventListener('load', () => onSent());
        xhr.addEventListener('load', () =>
          resolve({
            status: xhr.status,
            ok: xhr.status >= 200 && xhr.status < 300,
            json: async () => JSON.parse(xhr.responseText),
          }),
        );
        xhr.addEventListener('error', () => reject(new Error('network')));
        xhr.addEventListener('abort', () => reject(new Error('aborted')));
        xhr.send(text);
      }),
  );
  return answerOf(outcome);
}

/**
 * A file a tool made, by the `download` path its result gives (`/api/v1/files/<id>`): `{ ok: true, blob }` or
 * `{ ok: false, status, error }`. Fetched with the token, so it works on a server that needs one.
 */
export async function getFile(path) {
  const match = /^\/api\/v1\/(files\/[A-Za-z0-9_-]+)$/.exec(path);
  if (!match) return { ok: false, status: 0, error: failure('invalid_input', 'That is not a file link Reckoner gave.') };
  const route = match[1];
  const outcome = await withToken((auth) => fetch(`/api/v1/${route}`, { headers: { accept: '*/*', ...auth }, cache: 'no-store' }));
  if (outcome.response && outcome.response.ok) return { ok: true, blob: await outcome.response.blob() };
  return answerOf(outcome);
}

let rpcId = 0;

/**
 * Reads an MCP resource (`resources/read` over POST /mcp, stateless): `{ ok: true, contents }` or
 * `{ ok: false, error }`. Used for a case's chart, which the API offers only as the resource
 * reckoner://cases/{id}/chart.
 */
export async function readResource(uri) {
  const text = JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method: 'resources/read', params: { uri } });
  const outcome = await withToken((auth) =>
    fetch('/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...auth },
      body: text,
      cache: 'no-store',
    }),
  );
  const answer = await answerOf(outcome);
  if (!answer.ok) return answer;
  const { result, error } = answer.data;
  if (error) return { ok: false, status: 200, error: failure('not_found', String(error.message ?? 'The resource could not be read.')) };
  return { ok: true, contents: Array.isArray(result?.contents) ? result.contents : [] };
}
