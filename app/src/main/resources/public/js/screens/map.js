// The map (Leaflet over an offline world outline, no tiles): crossings, interceptions, arrests,
// safe houses and journey legs drawn as flows between places; filters by period, kind and agency.
import * as L from 'leaflet';
import { t, formatDate } from '../i18n.js';
import { api } from '../api.js';
import { h, clear, field, select, problemBox, isMissingApi, pendingApi, badge } from '../ui.js';
import { listOf, summary } from '../model.js';

const KINDS = [
  { id: 'BorderCrossing', colour: '#1f5fbf' },
  { id: 'Interception', colour: '#a4161a' },
  { id: 'Arrest', colour: '#7b2cbf' },
  { id: 'SafeHouseUse', colour: '#8a5300' },
  { id: 'SmugglingService', colour: '#1e6b34' },
];
let outline = null;

function ensureCss() {
  if (document.getElementById('leaflet-css')) return;
  document.head.append(h('link', { id: 'leaflet-css', rel: 'stylesheet', href: '/webjars/leaflet/1.9.4/dist/leaflet.css' }));
}

const point = (v) => {
  if (!v) return null;
  if (Array.isArray(v)) return v.length === 2 ? v.map(Number) : point(v[0]);
  if (typeof v === 'object') return [Number(v.lat), Number(v.lon ?? v.lng)];
  const [lat, lon] = String(v).split(',').map(Number);
  return Number.isFinite(lat) && Number.isFinite(lon) ? [lat, lon] : null;
};

export async function render(root, ctx) {
  ensureCss();
  const q = ctx.query;
  const from = h('input', { type: 'date', id: 'map-from', name: 'from', value: q.get('from') || '' });
  const to = h('input', { type: 'date', id: 'map-to', name: 'to', value: q.get('to') || '' });
  const agency = select('agency', [['', t('search.anyAgency')], ...ctx.session.agencies.map((a) => [a.code, a.code])], q.get('agency') || '', { id: 'map-agency' });
  const route = h('input', { id: 'map-route', name: 'route', value: q.get('route') || '', placeholder: t('map.routeHint') });
  const chosen = new Set((q.get('kinds') || KINDS.map((k) => k.id).join(',')).split(','));
  const boxes = KINDS.map((k) => h('label', { class: 'small', style: 'display:block' },
    h('input', { type: 'checkbox', name: 'kinds', value: k.id, checked: chosen.has(k.id) }), ' ',
    h('span', { class: 'swatch', style: `display:inline-block;width:.8rem;height:.8rem;border-radius:50%;background:${k.colour}` }), ' ', t(`map.kind.${k.id}`)));
  const form = h('form', { class: 'card', id: 'map-filters' },
    field(t('search.from'), from), field(t('search.to'), to), field(t('search.agency'), agency), field(t('map.route'), route),
    h('fieldset', {}, h('legend', {}, t('map.kinds')), boxes),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('map.apply'))));
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
    if (route.value.trim()) p.set('route', route.value.trim());
    p.set('kinds', boxes.map((b) => b.firstChild).filter((c) => c.checked).map((c) => c.value).join(','));
    ctx.navigate(`#/map?${p}`);
  });

  const map = L.map(mapEl, { worldCopyJump: true, minZoom: 2, maxZoom: 10, zoomSnap: 0.5, attributionControl: true }).setView([30, 15], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(t('map.attribution'));
  if (!outline) outline = await (await fetch('/geo/world-110m.geojson')).json();
  L.geoJSON(outline, { style: { color: '#8a99ab', weight: 0.8, fillColor: '#f6f4ee', fillOpacity: 1 }, interactive: false }).addTo(map);

  const filter = { from: q.get('from') || undefined, to: q.get('to') || undefined, agency: q.get('agency') || undefined, route: q.get('route') || undefined,
    kinds: [...chosen].join(',') };
  let data;
  try {
    data = await api.mapEvents(filter);
  } catch (e) {
    if (!isMissingApi(e)) { status.replaceChildren(problemBox(e)); return () => map.remove(); }
    data = await fromSearch(filter, status);
  }
  const events = listOf(data, 'events').map((ev) => ({ ...summary(ev), geo: point(ev.geo || ev.point || (ev.properties && ev.properties.geo)) }))
    .filter((ev) => ev.geo && chosen.has(ev.schema));
  const legs = listOf(data.legs || data.flows || []).map((l) => ({ ...l, a: point(l.from && (l.from.geo || l.from)), b: point(l.to && (l.to.geo || l.to)) }))
    .filter((l) => l.a && l.b);
  const colourOf = Object.fromEntries(KINDS.map((k) => [k.id, k.colour]));
  const maxCount = Math.max(1, ...legs.map((l) => l.count || l.persons || 1));
  if (chosen.has('SmugglingService')) for (const l of legs) {
    const w = 1.5 + 8 * ((l.count || l.persons || 1) / maxCount);
    L.polyline([l.a, l.b], { color: colourOf.SmugglingService, weight: w, opacity: 0.65 })
      .bindTooltip(`${l.from.name || ''} → ${l.to.name || ''}: ${l.count ?? l.persons ?? ''}`).addTo(map);
    L.circleMarker(l.b, { radius: 3, color: colourOf.SmugglingService, fillOpacity: 1 }).addTo(map);
  }
  for (const ev of events) {
    L.circleMarker(ev.geo, { radius: 7, color: '#fff', weight: 1.5, fillColor: colourOf[ev.schema] || '#333', fillOpacity: 0.95 })
      .bindPopup(`<strong></strong><br><span></span>`).on('popupopen', (p) => {
        const el = p.popup.getElement();
        el.querySelector('strong').replaceChildren(h('a', { href: `#/entity/${encodeURIComponent(ev.id)}` }, ev.caption));
        el.querySelector('span').textContent = `${t(`map.kind.${ev.schema}`)} · ${ev.dates.map(formatDate).join(', ')} · ${ev.agency || ''}`;
      }).addTo(map);
  }
  if (events.length || legs.length) {
    const pts = [...events.map((e) => e.geo), ...legs.flatMap((l) => [l.a, l.b])];
    map.fitBounds(L.latLngBounds(pts).pad(0.4), { maxZoom: 5 });
  }
  clear(list, h('h2', {}, t('map.shown', { events: events.length, legs: legs.length })),
    h('ul', {}, events.slice(0, 50).map((ev) => h('li', {}, h('a', { href: `#/entity/${encodeURIComponent(ev.id)}` }, ev.caption), ' ', badge.agency(ev.agency)))));
  document.body.dataset.mapReady = 'true';
  return () => { delete document.body.dataset.mapReady; map.remove(); };
}

/**
 * Without a map API: the visible records of each kind (GET /api/entities?schema=…), their
 * coordinates read from the geo properties; journey legs from SmugglingService fromGeo/toGeo.
 */
async function fromSearch(filter, status) {
  const events = [];
  const legs = [];
  for (const kind of filter.kinds.split(',').filter(Boolean)) {
    try {
      const rows = listOf(await api.entities({ schema: kind, limit: 500 }));
      for (const r of rows) {
        const s = summary(r);
        if (filter.agency && s.agency !== filter.agency) continue;
        if (filter.from && !s.dates.some((d) => d >= filter.from.slice(0, d.length))) continue;
        if (filter.to && !s.dates.some((d) => d <= filter.to.slice(0, d.length))) continue;
        const p = r.properties || {};
        if (p.fromGeo && p.toGeo) legs.push({ from: { geo: p.fromGeo[0], name: (p.fromPlace || [''])[0] }, to: { geo: p.toGeo[0], name: (p.toPlace || [''])[0] }, count: 1 });
        else events.push(r);
      }
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('map', e) : problemBox(e));
      return { events: [] };
    }
  }
  return { events, legs };
}
