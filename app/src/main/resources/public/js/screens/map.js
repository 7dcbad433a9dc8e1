// The map (Leaflet over an offline world outline, no tiles): crossings, interceptions, arrests and
// safe houses as points, journey legs drawn as flows between places (line weight by legs, an
// arrowhead at the destination); filters by period, route, agency and kind. The data comes from
// GET /api/map/events, which answers only what the signed-in user may see.
import * as L from 'leaflet';
import { t, formatDate } from '../i18n.js';
import { api } from '../api.js';
import { h, clear, field, select, problemBox, isMissingApi, pendingApi, badge, table } from '../ui.js';

const KINDS = [
  { id: 'SmugglingService', colour: '#1e6b34' },
  { id: 'BorderCrossing', colour: '#1f5fbf' },
  { id: 'Interception', colour: '#a4161a' },
  { id: 'Arrest', colour: '#7b2cbf' },
  { id: 'SafeHouseUse', colour: '#8a5300' },
];
const COLOUR = Object.fromEntries(KINDS.map((k) => [k.id, k.colour]));
let outline = null;
let knownRoutes = null;

function ensureCss() {
  if (document.getElementById('leaflet-css')) return;
  document.head.append(h('link', { id: 'leaflet-css', rel: 'stylesheet', href: '/webjars/leaflet/1.9.4/dist/leaflet.css' }));
}

const latLng = (g) => (g && Number.isFinite(g.lat) && Number.isFinite(g.lon) ? [g.lat, g.lon] : null);
const endName = (end) => end.name || (end.country || '').toUpperCase();

/** An SVG arrowhead the flows point with (marker-end), added once to the overlay's SVG. */
function arrowMarker(svg) {
  if (!svg || svg.querySelector('#flow-arrow')) return;
  const ns = 'http://www.w3.org/2000/svg';
  const defs = document.createElementNS(ns, 'defs');
  const marker = document.createElementNS(ns, 'marker');
  for (const [k, v] of Object.entries({ id: 'flow-arrow', viewBox: '0 0 10 10', refX: '8', refY: '5', markerWidth: '12',
    markerHeight: '12', markerUnits: 'userSpaceOnUse', orient: 'auto' })) marker.setAttribute(k, v);
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M 0 0 L 10 5 L 0 10 z');
  path.setAttribute('fill', COLOUR.SmugglingService);
  marker.append(path);
  defs.append(marker);
  svg.prepend(defs);
}

function prices(list) {
  return (list || []).map((p) => `${p.currency} ${p.median}`).join(', ');
}

export async function render(root, ctx) {
  ensureCss();
  const q = ctx.query;
  const from = h('input', { type: 'date', id: 'map-from', name: 'from', value: q.get('from') || '' });
  const to = h('input', { type: 'date', id: 'map-to', name: 'to', value: q.get('to') || '' });
  const agency = select('agency', [['', t('search.anyAgency')], ...ctx.session.agencies.map((a) => [a.code, a.code])], q.get('agency') || '', { id: 'map-agency' });
  const routeOptions = () => [['', t('map.anyRoute')], ...Object.entries(knownRoutes || {}).map(([id, name]) => [id, name])];
  let route = select('route', routeOptions(), q.get('route') || '', { id: 'map-route' });
  // No kinds in the address: all of them; kinds= (every box unticked): none.
  const chosen = new Set(q.has('kinds') ? q.get('kinds').split(',').filter(Boolean) : KINDS.map((k) => k.id));
  const boxes = KINDS.map((k) => h('label', { class: 'small', style: 'display:block' },
    h('input', { type: 'checkbox', name: 'kinds', value: k.id, checked: chosen.has(k.id) }), ' ',
    h('span', { class: 'swatch', style: `background:${k.colour}` }), ' ', t(`map.kind.${k.id}`)));
  const routeField = field(t('map.route'), route);
  const form = h('form', { class: 'card', id: 'map-filters' },
    field(t('search.from'), from), field(t('search.to'), to), field(t('search.agency'), agency), routeField,
    h('fieldset', {}, h('legend', {}, t('map.kinds')), boxes),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'map-apply' }, t('map.apply'))));
  const status = h('div', { id: 'map-status', role: 'status' });
  const list = h('div', { class: 'card small', id: 'map-list' });
  const mapEl = h('div', { id: 'map', role: 'region', 'aria-label': t('map.label') });
  clear(root, h('h1', {}, t('map.title')), status, h('div', { class: 'workbench' }, h('div', { class: 'side' }, form, list), mapEl));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (from.value) p.set('from', from.value);
    if (to.value) p.set('to', to.value);
    if (agency.value) p.set('agency', agency.value);
    if (route.value) p.set('route', route.value);
    p.set('kinds', boxes.map((b) => b.firstChild).filter((c) => c.checked).map((c) => c.value).join(','));
    ctx.navigate(`#/map?${p}`);
  });

  const map = L.map(mapEl, { worldCopyJump: true, minZoom: 2, maxZoom: 10, zoomSnap: 0.5, attributionControl: true, preferCanvas: false })
    .setView([30, 15], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(t('map.attribution'));
  if (!outline) outline = await (await fetch('/geo/world-110m.geojson')).json();
  L.geoJSON(outline, { style: { color: '#8a99ab', weight: 0.8, fillColor: '#f6f4ee', fillOpacity: 1 }, interactive: false }).addTo(map);
  const done = () => { document.body.dataset.mapReady = 'true'; };
  const cleanup = () => { delete document.body.dataset.mapReady; map.remove(); };

  const filter = { from: q.get('from') || undefined, to: q.get('to') || undefined, agency: q.get('agency') || undefined,
    route: q.get('route') || undefined, kinds: [...chosen].join(',') };
  let data;
  try {
    // The API reads no kinds as every kind: with every box unticked there is nothing to ask for.
    data = chosen.size ? await api.mapEvents(filter) : { events: [], legs: [] };
  } catch (e) {
    status.replaceChildren(isMissingApi(e) ? pendingApi('map', e) : problemBox(e));
    done();
    return cleanup;
  }
  if (!knownRoutes && data.routes) {
    knownRoutes = data.routes;
    const fresh = select('route', routeOptions(), q.get('route') || '', { id: 'map-route' });
    route.replaceWith(fresh);
    route = fresh;
  }

  const legs = (data.legs || []).map((l) => ({ ...l, a: latLng(l.from.geo), b: latLng(l.to.geo) })).filter((l) => l.a && l.b);
  const events = (data.events || []).map((ev) => ({ ...ev, at: latLng(ev.geo) })).filter((ev) => ev.at);
  const maxCount = Math.max(1, ...legs.map((l) => l.count));
  const flowLayer = L.layerGroup().addTo(map);
  for (const l of legs) {
    const weight = 1.5 + 8 * (l.count / maxCount);
    const line = L.polyline([l.a, l.b], { color: COLOUR.SmugglingService, weight, opacity: 0.7, className: 'flow' })
      .bindTooltip(t('map.flowTip', { from: endName(l.from), to: endName(l.to), count: l.count, persons: l.persons }))
      .addTo(flowLayer);
    const el = line.getElement();
    if (el) {
      el.setAttribute('marker-end', 'url(#flow-arrow)');
      el.dataset.from = endName(l.from);
      el.dataset.to = endName(l.to);
      el.dataset.count = String(l.count);
      arrowMarker(el.ownerSVGElement);
    }
  }
  for (const ev of events) {
    L.circleMarker(ev.at, { radius: 6, color: '#fff', weight: 1.5, fillColor: COLOUR[ev.schema] || '#333', fillOpacity: 0.95,
      className: `event event-${ev.schema}` })
      .bindPopup(() => h('div', {}, h('strong', {}, h('a', { href: `#/entity/${encodeURIComponent(ev.id)}` }, ev.place || ev.id)),
        h('br'), `${t(`map.kind.${ev.schema}`)} · ${formatDate(ev.date)} · ${ev.agency || ''}`,
        ev.persons > 1 ? h('div', {}, t('map.persons', { persons: ev.persons })) : null))
      .addTo(map);
  }
  if (events.length || legs.length) {
    const pts = [...events.map((e) => e.at), ...legs.flatMap((l) => [l.a, l.b])];
    map.fitBounds(L.latLngBounds(pts).pad(0.2), { maxZoom: 6 });
  }

  // Narrow enough for the side column: the dates and prices are in each row's title.
  const flowsTable = legs.length ? table([
    [t('routes.col.leg'), (l) => h('span', { title: `${t('map.col.period')}: ${l.period ? `${l.period.from} – ${l.period.to}` : ''}`
      + `${(l.prices || []).length ? ` · ${t('routes.col.prices')}: ${prices(l.prices)}` : ''}` }, `${endName(l.from)} → ${endName(l.to)}`)],
    [t('map.col.legs'), (l) => l.count, { class: 'num' }],
    [t('routes.col.persons'), (l) => l.persons, { class: 'num' }],
  ], legs.slice(0, 25), t('map.flows')) : h('p', { class: 'empty' }, t('map.noFlows'));
  clear(list,
    h('h2', {}, t('map.shown', { events: events.length, legs: legs.length })),
    data.unplaced ? h('p', { class: 'muted' }, t('map.unplaced', { count: data.unplaced })) : null,
    data.truncated ? h('p', { class: 'muted' }, t('map.truncated', { count: events.length })) : null,
    h('h3', {}, t('map.flows')), h('div', { id: 'map-flows' }, flowsTable),
    h('h3', {}, t('map.events')),
    h('ul', { id: 'map-events' }, events.slice(0, 30).map((ev) => h('li', {},
      h('span', { class: 'swatch', style: `background:${COLOUR[ev.schema]}` }), ' ',
      h('a', { href: `#/entity/${encodeURIComponent(ev.id)}` }, `${t(`map.kind.${ev.schema}`)}: ${ev.place || ev.id}`), ' ',
      h('span', { class: 'muted' }, formatDate(ev.date)), ' ', badge.agency(ev.agency)))));
  done();
  return cleanup;
}
