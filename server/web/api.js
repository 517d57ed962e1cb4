// Calls to Reckoner's JSON API (/api/v1/*). The access token, when the server needs one, lives only in
// the variable below: never in localStorage, sessionStorage, a cookie or the URL.

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

/**
 * POSTs `body` to /api/v1/<route>. Resolves with `{ ok: true, data }` or `{ ok: false, status, error }`;
 * never throws. A 401 asks for a token (once for calls made together) and tries again with it.
 */
export async function post(route, body) {
  let rejected = false;
  for (;;) {
    const sentWith = token;
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    if (sentWith !== null) headers.authorization = `Bearer ${sentWith}`;
    let response;
    try {
      response = await fetch(`/api/v1/${route}`, { method: 'POST', headers, body: JSON.stringify(body), cache: 'no-store' });
    } catch {
      return { ok: false, status: 0, error: failure('network', 'Reckoner could not be reached. Is the server still running?') };
    }
    let json = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    if (response.ok && json !== null) return { ok: true, data: json };
    if (response.status === 401) {
      // Another call may already have been given a new token while this one was on its way.
      if (token !== sentWith) continue;
      pendingToken ??= askForToken({ retry: rejected || sentWith !== null }).finally(() => {
        pendingToken = null;
      });
      const given = await pendingToken;
      if (given === null) {
        return { ok: false, status: 401, error: failure('unauthorized', 'This server needs an access token; none was given.') };
      }
      token = given;
      rejected = true;
      continue;
    }
    if (json && json.error && typeof json.error.message === 'string') {
      const details = Array.isArray(json.error.details) ? json.error.details : [];
      return { ok: false, status: response.status, error: { code: json.error.code, message: json.error.message, details } };
    }
    return { ok: false, status: response.status, error: failure('internal', `Reckoner answered with an error (${response.status}).`) };
  }
}
