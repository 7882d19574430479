// The OAuth sign-in page: checks the password with this server, which answers with where to send the browser
// back to (the app's own listener on 127.0.0.1, with a one-time code, or with access_denied on Cancel).

import { post } from './api.js';

const $ = (id) => document.getElementById(id);
const query = window.location.search;

$('server').textContent = window.location.host;

function finish(title, text, redirect) {
  $('done-title').textContent = title;
  $('done-text').textContent = text;
  $('screen-form').hidden = true;
  $('screen-done').hidden = false;
  $('done-title').focus();
  window.location.assign(redirect);
}

function error(text, field) {
  $('form-error').textContent = text;
  for (const id of ['email', 'password']) $(id).setAttribute('aria-invalid', String(id === field));
  if (field) $(field).focus();
}

fetch('/api/v1/oauth/server', { cache: 'no-store', credentials: 'omit' })
  .then((r) => (r.ok ? r.json() : {}))
  .then((info) => {
    if (!info.organization) return;
    $('organization').textContent = info.organization;
    document.title = `Sign in — ${info.organization}`;
  })
  .catch(() => {});

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $('email').value.trim();
  const password = $('password').value;
  if (!email) return error('Enter your email address.', 'email');
  if (!password) return error('Enter your password.', 'password');
  $('submit').disabled = true;
  error('');
  const result = await post('/api/v1/oauth/authorize', { query, email, password });
  $('submit').disabled = false;
  if (!result.ok) return error(result.message, result.status === 401 ? 'password' : null);
  finish('You are signed in', 'Return to the Intervox app; you can close this tab.', result.json.redirect);
});

$('deny').addEventListener('click', async () => {
  const result = await post('/api/v1/oauth/deny', { query });
  if (!result.ok) return error(result.message);
  finish('Sign-in cancelled', 'The app was told; you can close this tab.', result.json.redirect);
});

$('email').focus();
