// The setup link's page: shows whose account it is, then sets the password through POST /api/v1/auth/setup.
// The token comes from the URL fragment and is removed from the address bar (and history) at once.

import { post } from './api.js';

const token = decodeURIComponent(window.location.hash.slice(1));
history.replaceState(null, '', window.location.pathname);
// Another link opened in this tab changes only the fragment: no new page load would follow by itself.
window.addEventListener('hashchange', () => window.location.reload());

const $ = (id) => document.getElementById(id);

function show(id) {
  for (const screen of document.querySelectorAll('.screen')) screen.hidden = screen.id !== id;
  const title = document.querySelector(`#${id} h1`);
  if (title) title.focus();
}

function problem(text) {
  $('problem-text').textContent = text;
  show('screen-problem');
}

async function start() {
  if (!token) return problem('The link is incomplete: open the whole link you were given.');
  const info = await post('/api/v1/auth/setup/check', { token });
  if (!info.ok) return problem(info.message);
  const { email, name, organization, reset } = info.json;
  $('organization').textContent = organization;
  document.title = `${reset ? 'Choose a new password' : 'Set your password'} — ${organization}`;
  $('form-title').textContent = reset ? 'Choose a new password' : 'Set your password';
  $('form-intro').textContent = reset
    ? `${name}, choose a new password for ${email}. Your other sessions end when you save it.`
    : `Welcome, ${name}. Choose the password for ${email} at ${organization}.`;
  show('screen-form');
  $('password').focus();

  $('setup-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const password = $('password').value;
    const error = (field, text) => {
      $('form-error').textContent = text;
      for (const id of ['password', 'confirm']) $(id).setAttribute('aria-invalid', String(id === field));
      $(field).focus();
    };
    if (password.length < 10) return error('password', 'The password needs at least 10 characters.');
    if (password !== $('confirm').value) return error('confirm', 'The two passwords differ.');
    $('submit').disabled = true;
    $('form-error').textContent = '';
    const result = await post('/api/v1/auth/setup', { token, password });
    $('submit').disabled = false;
    if (!result.ok) {
      if (result.status === 404) return problem(result.message);
      return error('password', result.message);
    }
    $('done-text').textContent = `Open the Intervox app, add the server ${window.location.origin} and sign in as ${email}.`;
    show('screen-done');
  });
}

start();
