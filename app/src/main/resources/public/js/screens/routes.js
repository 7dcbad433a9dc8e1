// Routes and reports: the route network of a period (flows per leg with persons and prices,
// hotspots, change against the previous period) and the periodic G7 report as HTML, PDF and CSV.
import { t } from '../i18n.js';
import { api, download } from '../api.js';
import { h, clear, field, problemBox, isMissingApi, pendingApi, loading, table } from '../ui.js';

function currentQuarter() {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

function prices(list) {
  return (list || []).map((p) => `${p.currency} ${p.median}`).join(', ');
}

export async function render(root, ctx) {
  const period = ctx.query.get('period') || '2025-Q3';
  const form = h('form', { class: 'filters card', id: 'routes-filters' },
    field(t('routes.period'), h('input', { name: 'period', id: 'r-period', value: period, size: 9, placeholder: currentQuarter() })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('routes.show'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(`#/routes?period=${encodeURIComponent(new FormData(form).get('period'))}`);
  });
  const reportButtons = h('div', { class: 'actions', id: 'report-downloads' },
    h('button', { type: 'button', id: 'report-html', onclick: () => download(`/api/reports/${encodeURIComponent(period)}/html`, `report-${period}.html`) }, t('routes.reportHtml')),
    h('button', { type: 'button', id: 'report-pdf', onclick: () => download(`/api/reports/${encodeURIComponent(period)}/pdf`, `report-${period}.pdf`) }, t('routes.reportPdf')));
  const out = h('section', { id: 'route-network' }, loading());
  clear(root, h('h1', {}, t('routes.title')), h('p', { class: 'sub' }, t('routes.intro')), form,
    h('div', { class: 'card' }, h('h2', {}, t('routes.report', { period })), reportButtons), out);
  try {
    const n = await api.routes(period);
    const flows = n.flows || [];
    const hotspots = n.hotspots || [];
    const trends = n.trends || [];
    clear(out,
      h('h2', {}, t('routes.flows', { period: n.period || period })),
      flows.length ? table([
        [t('routes.col.leg'), (f) => `${f.leg.fromPlace || f.leg.fromCountry} → ${f.leg.toPlace || f.leg.toCountry}`],
        [t('routes.col.persons'), (f) => f.persons, { class: 'num' }],
        [t('routes.col.events'), (f) => f.events, { class: 'num' }],
        [t('routes.col.prices'), (f) => prices(f.prices)],
      ], flows, t('routes.flows', { period })) : h('p', { class: 'empty' }, t('routes.none')),
      h('h2', {}, t('routes.hotspots')),
      hotspots.length ? table([
        [t('routes.col.place'), (s) => `${s.place}${s.country ? ` (${s.country})` : ''}`],
        [t('routes.col.kind'), (s) => t(`routes.kind.${s.kind}`)],
        [t('routes.col.persons'), (s) => s.persons, { class: 'num' }],
        [t('routes.col.events'), (s) => s.events, { class: 'num' }],
      ], hotspots, t('routes.hotspots')) : h('p', { class: 'empty' }, t('routes.none')),
      h('h2', {}, t('routes.trends', { previous: n.previous || '' })),
      trends.length ? table([
        [t('routes.col.leg'), (f) => `${f.leg.fromPlace || f.leg.fromCountry} → ${f.leg.toPlace || f.leg.toCountry}`],
        [t('routes.col.persons'), (f) => f.persons, { class: 'num' }],
        [t('routes.col.previous'), (f) => f.previousPersons, { class: 'num' }],
        [t('routes.col.change'), (f) => (f.persons - f.previousPersons > 0 ? '+' : '') + (f.persons - f.previousPersons), { class: 'num' }],
      ], trends, t('routes.trends', { previous: n.previous || '' })) : h('p', { class: 'empty' }, t('routes.none')));
  } catch (e) {
    clear(out, isMissingApi(e) ? pendingApi('routes', e) : problemBox(e));
  }
}
