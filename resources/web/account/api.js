// The account pages' one way to call the server: JSON in, {ok, json} or {ok: false, status, field, message} out.

export async function post(path, body) {
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
                                   cache: 'no-store', credentials: 'omit' });
  } catch {
    return { ok: false, message: 'The server cannot be reached. Check your connection and try again.' };
  }
  const json = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, json };
  return { ok: false, status: response.status, field: json.error && json.error.field,
           message: sentence((json.error && json.error.message) || `The server answered ${response.status}`) };
}

// The server's messages are phrases ("wrong email or password"): shown as sentences.
function sentence(text) {
  const t = text.trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}
