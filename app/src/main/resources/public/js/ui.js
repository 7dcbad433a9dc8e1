// Small DOM helpers shared by the screens: element building, badges, problems, dialogs.
import { t, tOr, formatDate } from './i18n.js';
import { ApiError } from './api.js';

/** h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', child, [more]) builds an element. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let fieldSeq = 0;
/** A labelled form field: the label is tied to the control for screen readers. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = `f${++fieldSeq}`;
  const hintEl = hint ? h('span', { class: 'small muted', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control, hintEl);
}

export function select(name, options, value, attrs = {}) {
  return h('select', { name, ...attrs }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

// Badges ---------------------------------------------------------------------------------------
export const badge = {
  agency: (code) => code && h('span', { class: 'badge agency', title: t('badge.agency.title', { code }) }, code),
  handling: (code) => code && h('span', { class: `badge handling h-${code}`, title: t(`handling.${code}`) }, code),
  grading: (g) => g && h('span', { class: 'badge grading', title: t('badge.grading.title', { grading: g }) }, g),
  schema: (s) => s && h('span', { class: 'badge schema' }, s),
  category: (c) => c && h('span', { class: 'badge category' }, t(`category.${c}`)),
  band: (b) => b && h('span', { class: `badge band-${String(b).toLowerCase()}` }, t(`band.${String(b).toLowerCase()}`)),
  status: (s) => s && h('span', { class: 'badge status' }, t(`status.${String(s).toLowerCase()}`)),
  overdue: () => h('span', { class: 'badge overdue' }, t('hits.overdue')),
};

/** The badges that tell who owns a record and how it may be handled. */
/** The kinds of property that agreed on a hit, named in the user's language (a kind without a name shows its code). */
export function kindNames(kinds) {
  return [].concat(kinds || []).map((k) => tOr(`matched.${k}`, k)).join(', ');
}

export function provenanceBadges(x) {
  return [badge.agency(x.agency), badge.handling(x.handling), badge.grading(x.grading)];
}

/** H1/H3 conditions, shown wherever such a value is shown. */
export function conditionNote(handling, condition) {
  if (handling === 'H1') return h('div', { class: 'condition h1', role: 'note' }, t('handling.H1.notice'));
  if (handling === 'H3') return h('div', { class: 'condition', role: 'note' }, t('handling.H3.notice', { condition: condition || t('handling.H3.unstated') }));
  return null;
}

// Problems -------------------------------------------------------------------------------------
/** Renders an error from the Problem JSON shape {title, status, detail, errors}. */
export function problemBox(err) {
  const p = err instanceof ApiError ? err.problem
    : err && err.title ? { errors: {}, ...err }
      : { title: t('problem.unexpected'), detail: String((err && err.message) || err), errors: {} };
  const errors = Object.entries(p.errors || {});
  return h('div', { class: 'problem', role: 'alert', 'data-status': p.status },
    h('strong', {}, p.status ? `${p.title} (${p.status})` : p.title),
    p.detail && h('span', {}, p.detail),
    errors.length > 0 && h('ul', {}, errors.map(([k, v]) => h('li', {}, h('code', {}, k), ': ', typeof v === 'string' ? v : JSON.stringify(v)))));
}

/** Whether an error means "this API is not on this server yet" (the feature's branch is not merged). */
export function isMissingApi(err) {
  return err instanceof ApiError && (err.status === 404 || err.status === 405)
    && (err.status === 405 || /^(Endpoint \S+ \S+ not found|No such resource)/i.test(err.problem.detail || ''));
}

/** A notice for a screen whose API this server does not offer yet, with the server's problem. */
export function pendingApi(feature, err) {
  return h('div', { class: 'pending', 'data-pending-api': feature },
    h('p', {}, t('pending.api', { feature: t(`feature.${feature}`) })), err && problemBox(err));
}

export function loading() {
  return h('p', { class: 'muted', role: 'status' }, t('common.loading'));
}

export function toast(text) {
  const el = h('div', {}, text);
  document.getElementById('toast').append(el);
  setTimeout(() => el.remove(), 5000);
}

/**
 * Asks for a justification in a modal dialog (the rules require one for searches on persons, for
 * exports and for requests for hit details). Resolves to the text, or null when cancelled.
 */
export function askJustification(purpose) {
  return new Promise((resolve) => {
    const text = h('textarea', { name: 'justification', required: true, minlength: 10 });
    const dlg = h('dialog', { 'aria-labelledby': 'just-title', class: 'justification' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'just-title' }, t('justification.title')),
        h('p', {}, t('justification.why', { purpose })),
        field(t('justification.label'), text, t('justification.hint')),
        h('div', { class: 'actions' },
          h('button', { type: 'submit', value: 'ok' }, t('justification.submit')),
          h('button', { type: 'button', class: 'secondary', onclick: () => dlg.close('cancel') }, t('common.cancel')))));
    dlg.addEventListener('close', () => {
      const v = text.value.trim();
      dlg.remove();
      resolve(dlg.returnValue === 'ok' && v ? v : null);
    });
    dlg.querySelector('form').addEventListener('submit', (e) => {
      if (text.value.trim().length < 10) {
        e.preventDefault();
        text.setCustomValidity(t('justification.tooShort'));
        text.reportValidity();
      }
    });
    text.addEventListener('input', () => text.setCustomValidity(''));
    document.body.append(dlg);
    dlg.showModal();
    text.focus();
  });
}

/** Calls fn(justification); when the server answers that a justification is needed, asks and retries. */
export async function withJustification(purpose, fn) {
  try {
    return await fn(undefined);
  } catch (e) {
    if (!(e instanceof ApiError) || !e.needsJustification) throw e;
    const reason = await askJustification(purpose);
    // Cancelled: say so in the user's words, not with the API's answer (which names an HTTP header).
    if (!reason) throw new ApiError({ title: t('justification.cancelled'), status: e.status, detail: '', errors: {}, type: e.problem.type });
    return fn(reason);
  }
}

export function dateText(v) {
  return formatDate(v);
}

/** A table from rows; columns are [header, row => cell, {class}] triples. */
export function table(columns, rows, caption) {
  return h('table', {},
    caption && h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, columns.map(([head, , opts]) => h('th', { scope: 'col', class: opts && opts.class }, head)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map(([, cell, opts]) => h('td', { class: opts && opts.class }, cell(r)))))));
}
