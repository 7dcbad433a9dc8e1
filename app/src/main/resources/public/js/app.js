// The web application's shell: loads the texts, finds out who is signed in, draws the layout and
// routes #/screen URLs to screen modules (screens/*.js, each exporting render(root, ctx)).
import { loadMessages, t } from './i18n.js';
import { api, token, ApiError } from './api.js';
import { h, clear, problemBox, isMissingApi } from './ui.js';

/** Who is signed in; auth is 'on' when the server has sign-in, 'off' while it has none yet. */
export const session = { user: null, auth: 'unknown', agencies: [], agencyByCode: {} };

const NAV = [
  { id: 'search', href: '#/search' },
  { id: 'hits', href: '#/hits' },
  { id: 'network', href: '#/network' },
  { id: 'map', href: '#/map' },
  { id: 'cases', href: '#/cases' },
  { id: 'routes', href: '#/routes' },
  { id: 'audit', href: '#/audit', dpoOnly: true },
];

const ROUTES = [
  { pattern: /^login$/, module: 'login', public: true },
  { pattern: /^search$/, module: 'search', nav: 'search' },
  { pattern: /^entity\/(?<id>.+)$/, module: 'entity', nav: 'search' },
  { pattern: /^hits$/, module: 'hits', nav: 'hits' },
  { pattern: /^hits\/(?<id>.+)$/, module: 'hits', nav: 'hits' },
  { pattern: /^network$/, module: 'network', nav: 'network' },
  { pattern: /^map$/, module: 'map', nav: 'map' },
  { pattern: /^cases$/, module: 'cases', nav: 'cases' },
  { pattern: /^operations\/(?<id>.+)$/, module: 'cases', nav: 'cases' },
  { pattern: /^routes$/, module: 'routes', nav: 'routes' },
  { pattern: /^audit$/, module: 'audit', nav: 'audit' },
];

export function isDpo(user) {
  return !!user && (user.roles || []).some((r) => /^(dpo|data[-_ ]?protection)/i.test(r));
}

function normaliseUser(me) {
  if (!me) return null;
  const u = me.user && typeof me.user === 'object' ? me.user : me;
  const username = typeof u.user === 'string' ? u.user : u.username || u.login || u.id;
  return { username, name: u.name || u.displayName || username,
    agency: u.agency || u.agencyCode, roles: u.roles || (u.role ? [u.role] : []), tier: u.tier };
}

/** Asks the server who we are; a server without /api/me has no sign-in yet (auth 'off'). */
export async function refreshSession() {
  try {
    session.user = normaliseUser(await api.me());
    session.auth = 'on';
  } catch (e) {
    session.user = null;
    if (isMissingApi(e)) session.auth = 'off';
    else if (e instanceof ApiError && e.status === 401) session.auth = 'on';
    else throw e;
  }
  // The agencies are reference data, but a server with sign-in serves them to signed-in users only.
  if (session.user || session.auth === 'off') {
    session.agencies = await api.agencies();
    session.agencyByCode = Object.fromEntries(session.agencies.map((a) => [a.code, a]));
  } else {
    session.agencies = [];
    session.agencyByCode = {};
  }
}

function renderHeader(current) {
  const top = document.getElementById('top');
  const navItems = NAV.filter((n) => !n.dpoOnly || session.auth === 'off' || isDpo(session.user));
  const signedIn = session.user;
  clear(top,
    h('a', { class: 'brand', href: '#/search' }, t('app.name')),
    (signedIn || session.auth === 'off') && h('nav', { 'aria-label': t('nav.label') },
      h('ul', {}, navItems.map((n) => h('li', {},
        h('a', { href: n.href, id: `nav-${n.id}`, 'aria-current': n.id === current ? 'page' : null }, t(`nav.${n.id}`)))))),
    h('div', { class: 'who' },
      signedIn && [
        h('span', { class: 'badge agency', id: 'who-agency', title: agencyName(signedIn.agency) }, signedIn.agency),
        h('span', { id: 'who-user' }, signedIn.name),
        h('button', { type: 'button', id: 'sign-out', onclick: signOut }, t('nav.signOut')),
      ],
      !signedIn && session.auth === 'off' && h('span', { class: 'small', id: 'who-user' }, t('nav.noAuth'))));
  const banner = document.getElementById('banner');
  banner.hidden = session.auth !== 'off';
  banner.textContent = session.auth === 'off' ? t('banner.noAuth') : '';
}

export function agencyName(code) {
  const a = session.agencyByCode[code];
  return a ? a.name : code || '';
}

async function signOut() {
  try {
    await api.logout();
  } catch {
    // the token is dropped here whatever the server says
  }
  token.clear();
  session.user = null;
  location.hash = '#/login';
}

let cleanup = null;
let renderSeq = 0;

async function route() {
  const main = document.getElementById('main');
  const hash = location.hash.replace(/^#\/?/, '') || 'search';
  const [path, qs] = hash.split('?');
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(decodeURI(path)) })).find((x) => x.m);
  const seq = ++renderSeq;
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  if (!match) {
    renderHeader(null);
    clear(main, h('h1', {}, t('notFound.title')), h('p', {}, t('notFound.text')));
    return;
  }
  const { r, m } = match;
  if (session.auth === 'on' && !session.user && !r.public) {
    location.replace(`#/login?next=${encodeURIComponent(hash)}`);
    return;
  }
  renderHeader(r.nav);
  main.setAttribute('aria-busy', 'true');
  const ctx = { params: m.groups || {}, query: new URLSearchParams(qs || ''), session, navigate: (to) => { location.hash = to; } };
  try {
    const mod = await import(`./screens/${r.module}.js`);
    if (seq !== renderSeq) return;
    clear(main);
    cleanup = await mod.render(main, ctx);
    document.title = `${main.querySelector('h1')?.textContent || t('app.name')} · ${t('app.name')}`;
  } catch (e) {
    if (seq !== renderSeq) return;
    clear(main, h('h1', {}, t('problem.screen')), problemBox(e));
  } finally {
    if (seq === renderSeq) {
      main.setAttribute('aria-busy', 'false');
      // When the screen was drawn, in ms since the page began to load (read by the benchmark).
      document.body.dataset.drawnMs = String(Math.round(performance.now()));
    }
  }
}

async function start() {
  await loadMessages();
  document.getElementById('skip-link').textContent = t('nav.skip');
  try {
    await refreshSession();
  } catch (e) {
    clear(document.getElementById('main'), h('h1', {}, t('problem.server')), problemBox(e));
    return;
  }
  window.addEventListener('hashchange', () => {
    route();
    document.getElementById('main').focus({ preventScroll: true });
  });
  window.addEventListener('mirabella:unauthorized', () => {
    session.user = null;
    session.auth = 'on';
    if (!location.hash.startsWith('#/login')) location.hash = `#/login?next=${encodeURIComponent(location.hash.slice(2))}`;
  });
  // "/" jumps to search from anywhere but a text field.
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (!location.hash.startsWith('#/search')) location.hash = '#/search';
      else document.getElementById('q')?.focus();
    }
  });
  document.body.dataset.ready = 'true';
  await route();
}

start();
