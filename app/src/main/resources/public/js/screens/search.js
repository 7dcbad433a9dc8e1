// Search across every entity the user may see: names across scripts and spellings, with filters by
// schema, agency, case, country and date; each result shows owner, handling code and grading.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { h, clear, field, select, badge, problemBox, pendingApi, isMissingApi, loading, withJustification, table } from '../ui.js';
import { schemata, summary, listOf, totalOf } from '../model.js';

const FILTERS = ['q', 'schema', 'agency', 'case', 'country', 'from', 'to'];
const JUSTIFICATION_KEY = 'mirabella.justification';

export async function render(root, ctx) {
  const q = Object.fromEntries(FILTERS.map((k) => [k, ctx.query.get(k) || '']));
  const all = await schemata().catch(() => []);
  const schemaOptions = [['', t('search.anySchema')],
    ...all.filter((s) => !s.abstract && !s.edge).map((s) => [s.name, s.label || s.name]).sort((a, b) => a[1].localeCompare(b[1]))];
  const agencyOptions = [['', t('search.anyAgency')], ...ctx.session.agencies.map((a) => [a.code, `${a.code} – ${a.name}`])];

  const input = h('input', { type: 'search', id: 'q', name: 'q', value: q.q, class: 'wide', autocomplete: 'off',
    placeholder: t('search.placeholder') });
  const justification = h('input', { name: 'justification', id: 'justification', class: 'wide',
    value: sessionStorage.getItem(JUSTIFICATION_KEY) || '' });
  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': t('search.title') },
    field(t('search.query'), input),
    field(t('search.schema'), select('schema', schemaOptions, q.schema, { id: 'f-schema' })),
    field(t('search.agency'), select('agency', agencyOptions, q.agency, { id: 'f-agency' })),
    field(t('search.case'), h('input', { name: 'case', id: 'f-case', value: q.case, size: 16 })),
    field(t('search.country'), h('input', { name: 'country', id: 'f-country', value: q.country, size: 5, maxlength: 3 }), t('search.countryHint')),
    field(t('search.from'), h('input', { type: 'date', name: 'from', id: 'f-from', value: q.from })),
    field(t('search.to'), h('input', { type: 'date', name: 'to', id: 'f-to', value: q.to })),
    field(t('search.justification'), justification, t('search.justificationHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'search-submit' }, t('search.submit'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    sessionStorage.setItem(JUSTIFICATION_KEY, justification.value.trim());
    const params = new URLSearchParams();
    for (const k of FILTERS) if (data.get(k)) params.set(k, data.get(k).trim());
    const target = `#/search?${params}`;
    if (location.hash === target) runSearch(); else ctx.navigate(target);
  });

  const results = h('section', { id: 'results', 'aria-labelledby': 'results-title' });
  clear(root, h('h1', {}, t('search.title')), form, results);
  input.focus();

  async function runSearch() {
    if (!FILTERS.some((k) => q[k])) {
      clear(results, h('p', { class: 'muted' }, t('search.hint')));
      return;
    }
    clear(results, loading());
    try {
      // The API names a case as AGENCY/REF. A reference without its agency (it may hold a slash
      // itself: "RGNR 4512/2021 DDA Palermo") takes the agency filter, else its prefix when that is
      // an agency (IT-SCO-…), else the user's own agency.
      const codes = new Set(ctx.session.agencies.map((a) => a.code));
      const named = codes.has(q.case.slice(0, Math.max(0, q.case.indexOf('/'))));
      const prefix = q.case.split('-')[0].toUpperCase();
      const owner = q.agency || (codes.has(prefix) ? prefix : (ctx.session.user && ctx.session.user.agency) || prefix);
      const caseKey = q.case && !named ? `${owner}/${q.case}` : q.case;
      const query = { ...q, case: caseKey, country: q.country.toLowerCase(), limit: 50 };
      const ask = (fn) => withJustification(t('justification.purpose.search'), (j) => fn(j || justification.value.trim() || undefined));
      let answer;
      let listing = false;
      try {
        answer = await ask((j) => api.search(query, j));
      } catch (e) {
        if (!isMissingApi(e)) throw e;
        // No search engine on this server yet: list what the user may see and filter it here.
        listing = true;
        answer = filterListing(await ask((j) => api.entities({ schema: q.schema || undefined, case: q.case || undefined, limit: 500 }, j)), q);
      }
      const rows = listOf(answer, 'hits').map(summary);
      const total = totalOf(answer, rows);
      clear(results,
        h('h2', { id: 'results-title' }, t('search.results', { count: total })),
        listing && h('p', { class: 'small muted', id: 'search-listing' }, t('search.listing')),
        rows.length === 0 ? h('p', { class: 'empty' }, t('search.none')) : table([
          [t('search.col.name'), (r) => [h('a', { href: `#/entity/${encodeURIComponent(r.id)}`, class: 'result-link' }, r.caption),
            r.matched && h('div', { class: 'small muted' }, [].concat(r.matched).join(' · '))]],
          [t('search.col.schema'), (r) => [badge.schema(r.schema), r.category && r.category !== 'other' && badge.category(r.category)]],
          rows.some((r) => r.countries.length) && [t('search.col.countries'), (r) => r.countries.join(', ')],
          rows.some((r) => r.dates.length) && [t('search.col.dates'), (r) => r.dates.join(', ')],
          [t('search.col.case'), (r) => r.case],
          [t('search.col.provenance'), (r) => [badge.agency(r.agency), [].concat(r.handling || []).map(badge.handling),
            [].concat(r.grading || []).map(badge.grading)], { class: 'nowrap' }],
          [t('search.col.score'), (r) => (r.score == null ? '' : Number(r.score).toFixed(2)), { class: 'num' }],
        ].filter(Boolean), rows, t('search.results', { count: total })));
    } catch (e) {
      clear(results, isMissingApi(e) ? pendingApi('search', e) : problemBox(e));
    }
  }
  await runSearch();
}

/** Filters a plain listing by the query's words, agency, country and dates (when there is no search API). */
function filterListing(answer, q) {
  const fold = (x) => String(x || '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(q.q).split(/\s+/).filter(Boolean);
  const rows = listOf(answer).filter((r) => {
    const s = summary(r);
    const text = fold([s.caption, ...Object.values(r.properties || {}).flat()].join(' '));
    return words.every((w) => text.includes(w))
      && (!q.agency || s.agency === q.agency)
      && (!q.country || s.countries.includes(q.country.toLowerCase()))
      && (!q.from || s.dates.some((d) => d >= q.from.slice(0, d.length)))
      && (!q.to || s.dates.some((d) => d <= q.to.slice(0, d.length)));
  });
  return { results: rows, total: rows.length };
}
