// The reports page: sign-in with an API key (kept in this tab's sessionStorage only), the month
// picker and the bulk switch, and the sections, each loaded with one GraphQL request, in parallel.
import * as sections from './sections.js';
import { KeyRefused, downloadCsv } from './graphql.js';
import { h, loading, failure } from './widgets.js';
import * as f from './format.js';

const KEY = 'graphreports.apiKey';
const $ = (id) => document.getElementById(id);
const ctx = { key: null, month: new URLSearchParams(location.search).get('month'), includeBulk: false };
const SECTIONS = ['summary', 'engagement', 'search', 'downloads', 'collections', 'insights'];
const BULK_SECTIONS = ['summary', 'engagement', 'downloads'];

function showSignIn(message) {
  ctx.key = null;
  sessionStorage.removeItem(KEY);
  $('report').hidden = true;
  $('section-nav').hidden = true;
  $('sign-out').hidden = true;
  $('environment-name').textContent = '';
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  $('api-key').setAttribute('aria-invalid', message ? 'true' : 'false');
  $('api-key').focus();
}

function showReport() {
  $('sign-in').hidden = true;
  $('report').hidden = false;
  $('section-nav').hidden = false;
  $('sign-out').hidden = false;
}

/** Loads the named sections in parallel; a refused key ends the session with the server's reason. */
async function load(names) {
  document.body.dataset.state = 'loading';
  const results = await Promise.all(names.map(async (name) => {
    const el = document.querySelector(`[data-section="${name}"]`);
    loading(el);
    try {
      const env = await sections[name](ctx, el);
      if (name === 'summary') onEnvironment(env);
      return null;
    } catch (e) {
      if (e instanceof KeyRefused) return e;
      failure(el, e);
      return null;
    }
  }));
  const refused = results.find(Boolean);
  if (refused) {
    showSignIn(`This key was not accepted: ${refused.message}`);
    return false;
  }
  document.body.dataset.state = 'ready';
  return true;
}

/** The summary's answer names the environment and its current month: title, picker, open-month badge. */
function onEnvironment(env) {
  const s = env.summary;
  $('environment-name').textContent = `${env.name} · ${env.timeZone}`;
  $('report-title').textContent = `Monthly report: ${f.monthName(s.month)}`;
  document.title = `GraphReports: ${env.name}, ${f.monthName(s.month)}`;
  const picker = $('month-picker');
  if (picker.dataset.current !== env.currentMonth) {
    picker.dataset.current = env.currentMonth;
    picker.replaceChildren(...Array.from({ length: 24 }, (_, i) => {
      const m = f.previousMonth(env.currentMonth, i);
      return h('option', { value: m }, i === 0 ? `${f.monthName(m)} (open)` : f.monthName(m));
    }));
  }
  picker.value = s.month;
  const state = $('month-state');
  state.textContent = s.closed ? 'Closed month: final figures' : 'Open month: figures so far';
  state.className = s.closed ? 'badge' : 'badge open';
}

async function signIn(key) {
  ctx.key = key;
  showReport();
  if (await load(SECTIONS)) sessionStorage.setItem(KEY, key);
}

async function showDemoKeys() {
  try {
    const r = await fetch('/reports/sign-in.json');
    const { demoKeys } = await r.json();
    if (!demoKeys.length) return;
    $('demo-key-list').replaceChildren(...demoKeys.map((d) => {
      const use = h('button', { type: 'button', class: 'link' }, 'use it');
      use.addEventListener('click', () => { $('api-key').value = d.key; $('api-key').focus(); });
      return h('li', {}, `${d.name} (${d.environment}): `, h('code', {}, d.key), ' ', use);
    }));
    $('demo-keys').hidden = false;
  } catch {
    // The note is a convenience: without it the form still works.
  }
}

$('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = $('api-key').value.trim();
  if (!key) { showSignIn('Enter an API key.'); return; }
  signIn(key);
});
$('sign-out').addEventListener('click', () => showSignIn());
$('month-picker').addEventListener('change', (e) => {
  ctx.month = e.target.value;
  history.replaceState(null, '', `?month=${ctx.month}${location.hash}`);
  load(SECTIONS);
});
$('include-bulk').addEventListener('change', (e) => {
  ctx.includeBulk = e.target.checked;
  load(BULK_SECTIONS);
});
document.addEventListener('click', (e) => {
  const link = e.target.closest('a[data-csv]');
  if (!link || !ctx.key) return;
  e.preventDefault();
  downloadCsv(link.getAttribute('href'), ctx.key).catch((error) => alert(error.message));
});

showDemoKeys();
const saved = sessionStorage.getItem(KEY);
if (saved) signIn(saved); else showSignIn();
