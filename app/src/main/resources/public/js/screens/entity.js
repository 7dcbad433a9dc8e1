// An entity's profile: every property with each statement's provenance (agency, case, handling
// code, grading, who recorded it and when), H1/H3 conditions, links, hits and a timeline.
import { t, formatDate } from '../i18n.js';
import { api } from '../api.js';
import { h, clear, badge, kindNames, provenanceBadges, conditionNote, problemBox, pendingApi, isMissingApi, loading, withJustification, table } from '../ui.js';
import { schema as loadSchema, propertyLabel, propertyType, summary, listOf } from '../model.js';
import { agencyName } from '../app.js';

const DATE_TYPES = new Set(['date']);

export async function render(root, ctx) {
  const id = ctx.params.id;
  clear(root, loading());
  let e;
  let justification;
  try {
    e = await withJustification(t('justification.purpose.profile'), (j) => { justification = j; return api.entity(id, j); });
  } catch (err) {
    clear(root, h('h1', {}, t('entity.title')), isMissingApi(err) ? pendingApi('entity', err)
      : err.status === 404 ? h('p', { class: 'empty', id: 'entity-not-found' }, t('entity.notFound')) : problemBox(err));
    return;
  }
  const s = await loadSchema(e.schema).catch(() => null);
  const statements = e.statements || [];
  const current = statements.filter((st) => !st.retracted);
  const retracted = statements.filter((st) => st.retracted);

  // The server's own markings when it gives them (access rules), else derived from the statements.
  const conditions = [];
  if (Array.isArray(e.markings) && e.markings.length) {
    for (const m of e.markings) conditions.push(h('div', { class: `condition${/^H1/.test(m) ? ' h1' : ''}`, role: 'note' }, m));
  } else {
    if (current.some((st) => st.handling === 'H1')) conditions.push(conditionNote('H1'));
    for (const c of new Set(current.filter((st) => st.handling === 'H3').map((st) => st.handlingCondition || ''))) conditions.push(conditionNote('H3', c));
  }

  const byProperty = new Map();
  for (const st of current) {
    if (!byProperty.has(st.property)) byProperty.set(st.property, []);
    byProperty.get(st.property).push(st);
  }
  // Properties named in the FtM "properties" but without statements (e.g. a summary answer).
  for (const [p, values] of Object.entries(e.properties || {})) {
    if (!byProperty.has(p)) byProperty.set(p, values.map((v) => ({ property: p, value: v })));
  }

  const valueEl = (st) => {
    const type = propertyType(s, st.property);
    const v = type === 'entity' ? h('a', { href: `#/entity/${encodeURIComponent(st.value)}` }, st.value) : st.value;
    return h('div', { class: `value${st.retracted ? ' retracted' : ''}`, 'data-handling': st.handling },
      h('span', { class: 'v', dir: 'auto' }, v), ' ', provenanceBadges(st),
      st.original && h('span', { class: 'small muted' }, ` ${t('entity.original', { value: st.original })}`),
      (st.recordedAt || st.case) && h('div', { class: 'prov' }, t('entity.recorded', {
        agency: agencyName(st.agency) || st.agency || '', case: st.case || '—', by: st.recordedBy || '—',
        at: formatDate(st.recordedAt), source: st.source || '—' })),
      st.marking && st.handling !== 'H0' && !(e.markings || []).includes(st.marking) ? h('div', { class: 'prov marking' }, st.marking)
        : st.handling === 'H3' && st.handlingCondition && h('div', { class: 'prov' }, t('handling.H3.notice', { condition: st.handlingCondition })),
      st.retracted && h('div', { class: 'prov' }, t('entity.retractedBy', { by: st.retracted.by, at: formatDate(st.retracted.at), reason: st.retracted.reason })));
  };

  const props = h('dl', { class: 'props', id: 'properties' },
    [...byProperty.entries()].map(([p, sts]) => [h('dt', {}, propertyLabel(s, p)), h('dd', {}, sts.map(valueEl))]));

  const links = listOf(e.links || []).map((l) => ({ ...summary(l.entity || l), property: l.property || l.label }));
  const timeline = [
    ...current.filter((st) => DATE_TYPES.has(propertyType(s, st.property))).map((st) => ({ date: st.value, text: propertyLabel(s, st.property) })),
    ...links.flatMap((l) => l.dates.map((d) => ({ date: d, text: `${l.schema}: ${l.caption}`, id: l.id }))),
    ...listOf(e.timeline || []).map((x) => ({ date: x.date, text: x.label || x.caption || x.schema, id: x.id })),
  ].filter((x) => x.date).sort((a, b) => String(a.date).localeCompare(String(b.date)));

  const hitsBox = h('div', { id: 'entity-hits' }, loading());
  const alsoBox = h('div', { id: 'entity-also-held' }, loading());
  clear(root,
    h('h1', { dir: 'auto' }, e.caption || e.id),
    h('p', { class: 'sub' }, badge.schema(s ? s.label : e.schema), badge.agency(e.agency), e.case && h('span', { class: 'small' }, `${t('entity.case')} ${e.case} `),
      badge.category(e.category), e.reviewDate && h('span', { class: 'small muted' }, t('entity.review', { date: e.reviewDate }))),
    conditions,
    h('div', { class: 'cols' },
      h('div', {},
        h('section', { class: 'card', 'aria-labelledby': 'props-title' }, h('h2', { id: 'props-title' }, t('entity.properties')),
          byProperty.size ? props : h('p', { class: 'empty' }, t('entity.noProperties'))),
        h('section', { class: 'card', 'aria-labelledby': 'also-title' }, h('h2', { id: 'also-title' }, t('entity.alsoHeldBy')),
          h('p', { class: 'small muted' }, t('entity.alsoHeldBy.note')), alsoBox),
        retracted.length > 0 && h('section', { class: 'card' }, h('details', {}, h('summary', {}, t('entity.history', { count: retracted.length })),
          retracted.map(valueEl))),
        h('section', { class: 'card', 'aria-labelledby': 'links-title' }, h('h2', { id: 'links-title' }, t('entity.links')),
          links.length ? table([
            [t('entity.col.link'), (l) => l.property || ''],
            [t('entity.col.entity'), (l) => h('a', { href: `#/entity/${encodeURIComponent(l.id)}` }, l.caption)],
            [t('search.col.schema'), (l) => badge.schema(l.schema)],
            [t('search.col.provenance'), (l) => [badge.agency(l.agency), badge.handling(l.handling)]],
          ], links) : h('p', { class: 'muted' }, t('entity.noLinks')))),
      h('div', {},
        h('section', { class: 'card' }, h('h2', {}, t('entity.actions')), h('div', { class: 'actions' },
          h('a', { class: 'button', href: `#/network?entity=${encodeURIComponent(e.id)}`, id: 'open-network' }, t('entity.openNetwork')))),
        h('section', { class: 'card', 'aria-labelledby': 'hits-title' }, h('h2', { id: 'hits-title' }, t('entity.hits')), hitsBox),
        h('section', { class: 'card', 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, t('entity.timeline')),
          timeline.length ? h('ol', { class: 'timeline', id: 'timeline' }, timeline.map((x) => h('li', {},
            h('strong', {}, x.date), ' ', x.id ? h('a', { href: `#/entity/${encodeURIComponent(x.id)}` }, x.text) : x.text)))
            : h('p', { class: 'muted' }, t('entity.noTimeline'))))));

  // The person across agencies: other agencies' records of this person by confirmed hits, each
  // statement with its own provenance, and only what the server lets this viewer see.
  try {
    const merged = await api.merged(e.id, justification);
    const others = listOf(merged.alsoHeldBy || []);
    clear(alsoBox, others.length ? others.map((o) => {
      const other = new Map();
      for (const st of (o.entity.statements || []).filter((x) => !x.retracted)) {
        if (!other.has(st.property)) other.set(st.property, []);
        other.get(st.property).push(st);
      }
      return h('div', { class: 'also-held', 'data-agency': o.agency },
        h('h3', {}, t('entity.alsoHeldBy.agency', { agency: agencyName(o.agency) || o.agency }), ' ', badge.agency(o.agency), ' ',
          h('a', { href: `#/entity/${encodeURIComponent(o.entity.id)}`, dir: 'auto' }, o.entity.caption || o.entity.id),
          o.hit && h('span', { class: 'small' }, ' · ', h('a', { href: `#/hits/${encodeURIComponent(o.hit)}` }, t('entity.alsoHeldBy.hit', { ref: o.hit })))),
        h('dl', { class: 'props' }, [...other.entries()].map(([p, sts]) => [h('dt', {}, propertyLabel(s, p)), h('dd', {}, sts.map(valueEl))])));
    }) : h('p', { class: 'muted', id: 'entity-also-held-none' }, t('entity.alsoHeldBy.none')));
  } catch (err) {
    clear(alsoBox, isMissingApi(err) ? h('p', { class: 'muted small' }, t('pending.short')) : problemBox(err));
  }

  try {
    // Our own record's hits are asked for by its id (the inbox holds thousands); another agency's
    // record released to us is looked for in the first page of the inbox.
    const own = e.agency && ctx.session.user && e.agency === ctx.session.user.agency;
    const answer = e.hits || await api.hits(own ? { entity: e.id, limit: 500 } : undefined);
    const hits = listOf(answer, 'hits').filter((x) => !x.ownEntity || x.ownEntity === e.id || x.otherEntity === e.id);
    clear(hitsBox, hits.length ? h('ul', {}, hits.map((x) => h('li', {},
      h('a', { href: `#/hits/${encodeURIComponent(x.ref)}` }, x.ref), ' ', badge.agency(x.otherAgency), badge.band(x.band),
      ' ', h('span', { class: 'small muted' }, kindNames(x.matchedKinds)))))
      : h('p', { class: 'muted' }, t('entity.noHits')));
  } catch (err) {
    clear(hitsBox, isMissingApi(err) ? h('p', { class: 'muted small' }, t('pending.short')) : problemBox(err));
  }
}
