// The audit trail for data-protection officers: who looked at what, when and why.
import { t, formatDate } from '../i18n.js';
import { api } from '../api.js';
import { h, clear, field, problemBox, isMissingApi, pendingApi, loading, table, badge } from '../ui.js';
import { listOf } from '../model.js';

const FILTERS = ['user', 'agency', 'entity', 'from', 'to'];

export async function render(root, ctx) {
  const q = Object.fromEntries(FILTERS.map((k) => [k, ctx.query.get(k) || '']));
  const form = h('form', { class: 'filters card', id: 'audit-filters' },
    field(t('audit.user'), h('input', { name: 'user', id: 'a-user', value: q.user })),
    field(t('search.agency'), h('input', { name: 'agency', id: 'a-agency', value: q.agency, size: 6 })),
    field(t('audit.entity'), h('input', { name: 'entity', id: 'a-entity', value: q.entity })),
    field(t('search.from'), h('input', { type: 'date', name: 'from', id: 'a-from', value: q.from })),
    field(t('search.to'), h('input', { type: 'date', name: 'to', id: 'a-to', value: q.to })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('audit.query'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
    ctx.navigate(`#/audit?${p}`);
  });
  const out = h('section', { id: 'audit-records' }, loading());
  clear(root, h('h1', {}, t('audit.title')), h('p', { class: 'sub' }, t('audit.intro')), form, out);
  try {
    const rows = listOf(await api.audit({ ...q, limit: 200 }), 'records', 'events');
    clear(out, rows.length ? table([
      [t('audit.col.seq'), (r) => r.seq ?? r.id, { class: 'num' }],
      [t('audit.col.at'), (r) => formatDate(r.at || r.time), { class: 'nowrap' }],
      [t('audit.user'), (r) => [r.user, ' ', badge.agency(r.agency)]],
      [t('audit.col.action'), (r) => r.action],
      [t('audit.col.object'), (r) => r.object || r.entity || ''],
      [t('audit.col.justification'), (r) => r.justification || ''],
    ], rows, t('audit.title')) : h('p', { class: 'empty' }, t('audit.none')));
  } catch (e) {
    clear(out, isMissingApi(e) ? pendingApi('audit', e) : problemBox(e));
  }
}
