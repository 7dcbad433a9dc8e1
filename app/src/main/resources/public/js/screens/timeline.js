// A timeline of an entity's events, self-contained so the entity screen can use it:
//
//   import { timeline } from './timeline.js';
//   section.append(timeline(items));   // items: [{ date: '2025-07-02' | '2025-07' | '2025', text, id?, schema? }]
//
// Dates keep their precision (a year-only date stays a year and sorts before the days of that
// year). Above the list, one bar per year shows how many events fall in it, so gaps and bursts
// are visible at a glance; the list is the accessible form of the same (the bars are aria-hidden).
// Not a screen: the router does not route to it.
import { t } from '../i18n.js';
import { h } from '../ui.js';

/** Sort key of a partial date: "2025" < "2025-07" < "2025-07-02" within the same year and month. */
export function dateKey(date) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(date || ''));
  if (!m) return null;
  return `${m[1]}-${m[2] || '00'}-${m[3] || '00'}`;
}

/** Items with a readable date, sorted oldest first; items without one are left out. */
export function ordered(items) {
  return (items || []).map((x) => ({ ...x, key: dateKey(x.date) })).filter((x) => x.key)
    .sort((a, b) => a.key.localeCompare(b.key) || String(a.text).localeCompare(String(b.text)));
}

/** Events per year from the first to the last year, empty years included (they are the gaps). */
export function perYear(items) {
  const list = ordered(items);
  if (!list.length) return [];
  const first = Number(list[0].key.slice(0, 4));
  const last = Number(list[list.length - 1].key.slice(0, 4));
  const counts = new Map();
  for (let y = first; y <= last; y++) counts.set(y, 0);
  for (const x of list) counts.set(Number(x.key.slice(0, 4)), counts.get(Number(x.key.slice(0, 4))) + 1);
  return [...counts.entries()].map(([year, count]) => ({ year, count }));
}

/** The timeline element: a bar per year, then the events in date order with links to their records. */
export function timeline(items, { id = 'timeline' } = {}) {
  const list = ordered(items);
  if (!list.length) return h('p', { class: 'muted' }, t('timeline.empty'));
  const years = perYear(list);
  const max = Math.max(...years.map((y) => y.count));
  return h('div', { class: 'tl', role: 'group', 'aria-label': t('timeline.label') },
    h('div', { class: 'tl-axis', 'aria-hidden': 'true' }, years.map((y) => h('div', {
      class: 'tl-year', style: `height:${Math.max(4, Math.round((100 * y.count) / max))}%`, title: t('timeline.year', { year: y.year, count: y.count }),
    }, (years.length <= 12 || y.year % 2 === 0) ? h('span', {}, String(y.year)) : null))),
    h('ol', { class: 'timeline tl-list', id }, list.map((x) => h('li', { 'data-date': x.date },
      h('strong', {}, x.date), ' ',
      x.id ? h('a', { href: `#/entity/${encodeURIComponent(x.id)}` }, x.text) : x.text))));
}
