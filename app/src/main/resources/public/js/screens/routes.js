// Routes and reports: the route network of a period (flows per leg with persons and prices per
// currency, flows between countries, hotspots, change against the previous period and persons per
// quarter and route over time) and the periodic G7 report as HTML, PDF and CSV. Everything counts
// only what the signed-in user may see (GET /api/routes).
import { t } from '../i18n.js';
import { api, download } from '../api.js';
import { h, clear, field, problemBox, isMissingApi, pendingApi, loading, table } from '../ui.js';

function currentQuarter() {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

/** Prices per currency: median, with the range and how many legs were paid. */
function prices(list) {
  return (list || []).map((p) => (p.paid > 1 ? t('routes.priceRange', { currency: p.currency, median: p.median, min: p.min, max: p.max, paid: p.paid })
    : `${p.currency} ${p.median}`)).join('; ');
}

const legText = (f) => `${f.leg.fromPlace || (f.leg.fromCountry || '').toUpperCase()} → ${f.leg.toPlace || (f.leg.toCountry || '').toUpperCase()}`;

/** The dates a quarter (2025-Q3), month (2025-07) or year (2025) spans, for the map's filters. */
function spanOf(period) {
  let m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    const last = new Date(Date.UTC(Number(m[1]), first + 2, 0)).getUTCDate();
    return [`${m[1]}-${String(first).padStart(2, '0')}-01`, `${m[1]}-${String(first + 2).padStart(2, '0')}-${last}`];
  }
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return [`${period}-01`, `${period}-${new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate()}`];
  m = /^(\d{4})$/.exec(period);
  return m ? [`${period}-01-01`, `${period}-12-31`] : [null, null];
}

/** Persons per quarter and route as a table with a bar per quarter (change over time). */
function overTime(quarterly, routeNames, current) {
  const quarters = Object.keys(quarterly || {});
  if (!quarters.length) return h('p', { class: 'empty' }, t('routes.none'));
  const routes = [...new Set(quarters.flatMap((q) => Object.keys(quarterly[q])))].sort();
  const total = (q) => Object.values(quarterly[q]).reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...quarters.map(total));
  return table([
    [t('routes.col.quarter'), (q) => (q === current ? h('strong', {}, q) : h('a', { href: `#/routes?period=${q}` }, q))],
    ...routes.map((r) => [routeNames[r] || t('routes.otherRoute'), (q) => quarterly[q][r] || '', { class: 'num' }]),
    [t('routes.col.persons'), (q) => h('span', { class: 'bar', style: `width:${Math.round((100 * total(q)) / max)}%` }, String(total(q)))],
  ], quarters, t('routes.overTime'));
}

export async function render(root, ctx) {
  const asked = ctx.query.get('period');
  const period = asked || '2025-Q3';
  const form = h('form', { class: 'filters card', id: 'routes-filters' },
    field(t('routes.period'), h('input', { name: 'period', id: 'r-period', value: period, size: 9, placeholder: currentQuarter() })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('routes.show'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(`#/routes?period=${encodeURIComponent(new FormData(form).get('period'))}`);
  });
  // A report the server refuses (a bad period, an error) is said beside the buttons.
  const reportErrors = h('div', { id: 'report-errors' });
  const report = (format) => async () => {
    reportErrors.replaceChildren();
    try {
      await download(`/api/reports/${encodeURIComponent(period)}/${format}`, `report-${period}.${format}`);
    } catch (e) {
      reportErrors.replaceChildren(problemBox(e));
    }
  };
  const reportButtons = h('div', { class: 'actions', id: 'report-downloads' },
    h('button', { type: 'button', id: 'report-html', onclick: report('html') }, t('routes.reportHtml')),
    h('button', { type: 'button', id: 'report-pdf', onclick: report('pdf') }, t('routes.reportPdf')));
  const out = h('section', { id: 'route-network' }, loading());
  clear(root, h('h1', {}, t('routes.title')), h('p', { class: 'sub' }, t('routes.intro')), form,
    h('div', { class: 'card' }, h('h2', {}, t('routes.report', { period })), reportButtons, reportErrors), out);
  try {
    const n = await api.routes(period);
    const quarters = Object.keys(n.quarterly || {});
    // Opened without a period: show the latest quarter with journeys rather than an empty one.
    if (!asked && !(n.flows || []).length && quarters.length) {
      ctx.navigate(`#/routes?period=${quarters[quarters.length - 1]}`);
      return;
    }
    const flows = n.flows || [];
    const countryFlows = n.countryFlows || [];
    const hotspots = n.hotspots || [];
    const trends = n.trends || [];
    const [from, to] = spanOf(n.period || period);
    clear(out,
      h('h2', {}, t('routes.flows', { period: n.period || period })),
      from && h('p', {}, h('a', { href: `#/map?from=${from}&to=${to}`, id: 'routes-on-map' }, t('routes.onMap'))),
      flows.length ? table([
        [t('routes.col.leg'), legText],
        [t('routes.col.persons'), (f) => f.persons, { class: 'num' }],
        [t('routes.col.events'), (f) => f.events, { class: 'num' }],
        [t('routes.col.prices'), (f) => prices(f.prices)],
      ], flows.slice(0, 40), t('routes.flows', { period })) : h('p', { class: 'empty' }, t('routes.none')),
      h('h2', {}, t('routes.countryFlows')),
      countryFlows.length ? table([
        [t('routes.col.leg'), legText],
        [t('routes.col.persons'), (f) => f.persons, { class: 'num' }],
        [t('routes.col.events'), (f) => f.events, { class: 'num' }],
      ], countryFlows.slice(0, 25), t('routes.countryFlows')) : h('p', { class: 'empty' }, t('routes.none')),
      h('h2', {}, t('routes.hotspots')),
      hotspots.length ? table([
        [t('routes.col.place'), (s) => `${s.place}${s.country ? ` (${s.country.toUpperCase()})` : ''}`],
        [t('routes.col.kind'), (s) => t(`routes.kind.${s.kind}`)],
        [t('routes.col.persons'), (s) => s.persons, { class: 'num' }],
        [t('routes.col.events'), (s) => s.events, { class: 'num' }],
      ], hotspots.slice(0, 30), t('routes.hotspots')) : h('p', { class: 'empty' }, t('routes.none')),
      h('h2', {}, t('routes.trends', { previous: n.previous || '' })),
      trends.length ? table([
        [t('routes.col.leg'), legText],
        [t('routes.col.persons'), (f) => f.persons, { class: 'num' }],
        [t('routes.col.previous'), (f) => f.previousPersons, { class: 'num' }],
        [t('routes.col.change'), (f) => (f.persons - f.previousPersons > 0 ? '+' : '') + (f.persons - f.previousPersons), { class: 'num' }],
      ], trends.slice(0, 25), t('routes.trends', { previous: n.previous || '' })) : h('p', { class: 'empty' }, t('routes.none')),
      h('h2', {}, t('routes.overTime')),
      h('div', { id: 'routes-over-time' }, overTime(n.quarterly, n.routes || {}, n.period || period)));
  } catch (e) {
    clear(out, isMissingApi(e) ? pendingApi('routes', e) : problemBox(e));
  }
}
