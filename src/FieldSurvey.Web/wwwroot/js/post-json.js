// The one way the page scripts send JSON to their handlers. It never throws: the caller gets what happened as
// `kind`, and decides what the person sees. 'signin': the session has expired (the server answers a JSON request
// with 401 instead of redirecting it to the login page); retrying cannot help, so ask to sign in again.
// 'forbidden': 403, the person may not do this. 'offline': no answer at all (network down); 'server': 5xx.
// Both are worth retrying. 'refused': any other 4xx, with the handler's JSON (its error or problems).
export async function postJson(url, body, token, { keepalive = false } = {}) {
  let response;
  try {
    response = await fetch(url, {
      method: 'POST', keepalive, redirect: 'manual',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': token },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, kind: 'offline', status: 0, data: {} };
  }
  // A redirect can only be to the login page (an older server, or a proxy that strips the status).
  if (response.type === 'opaqueredirect' || response.status === 401) return { ok: false, kind: 'signin', status: response.status, data: {} };
  const data = await response.json().catch(() => ({}));
  const kind = response.ok ? 'ok' : response.status === 403 ? 'forbidden' : response.status >= 500 ? 'server' : 'refused';
  return { ok: response.ok, kind, status: response.status, data };
}
