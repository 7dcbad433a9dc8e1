// The hits inbox of the user's agency: hits with score band and matched kinds, requests for details
// with their justification, release (all or part) or refusal, judgements, deadlines and overdue
// flags, and messages with the other agency. Contract: branch access, /api/hits*.
import { t, formatDate } from '../i18n.js';
import { api } from '../api.js';
import { h, clear, field, select, badge, kindNames, problemBox, pendingApi, isMissingApi, loading, table, toast, withJustification, conditionNote } from '../ui.js';
import { listOf } from '../model.js';

const FILTERS = ['', 'open', 'incoming', 'overdue', 'confirmed', 'rejected', 'unsure'];
// One page of the inbox per request (GET /api/hits pages; the server's default is 50).
const PAGE = 50;
const kinds = (x) => [].concat(x.matchedKinds || x.kinds || []);
const entityLink = (id) => id && h('a', { href: `#/entity/${encodeURIComponent(id)}` }, id);

function keep(filter, x) {
  switch (filter) {
    case 'open': return !x.judgement;
    case 'incoming': return x.pendingIncoming > 0;
    case 'overdue': return x.overdue;
    case '': return true;
    default: return x.judgement === filter;
  }
}

export async function render(root, ctx) {
  if (ctx.params.id) return renderHit(root, ctx, ctx.params.id);
  const filter = ctx.query.get('show') || '';
  const offset = Math.max(0, Number.parseInt(ctx.query.get('offset') || '0', 10) || 0);
  const link = (show, at) => {
    const q = new URLSearchParams();
    if (show) q.set('show', show);
    if (at > 0) q.set('offset', String(at));
    const s = q.toString();
    return `#/hits${s ? `?${s}` : ''}`;
  };
  const show = select('show', FILTERS.map((f) => [f, t(`hits.show.${f || 'all'}`)]), filter, { id: 'f-show' });
  // Applied with its button, as the other filters are: a change of the select (each arrow key at the
  // keyboard) used to reload the inbox at once and take the focus away from the select.
  const form = h('form', { class: 'filters card', id: 'hits-filters' }, field(t('hits.show'), show),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'hits-apply' }, t('map.apply'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate(link(show.value, 0));
  });
  const list = h('section', { id: 'hits-list', 'aria-labelledby': 'hits-count' }, loading());
  clear(root, h('h1', {}, t('hits.title')), h('p', { class: 'sub' }, t('hits.intro')), form, list);
  let hits;
  let total;
  try {
    // The server filters before paging (show=…), so the pages and the total cover every matching hit.
    ({ hits, total } = await api.hitsPage(filter ? { limit: PAGE, offset, show: filter } : { limit: PAGE, offset }));
    hits = listOf(hits, 'hits');
  } catch (e) {
    clear(list, isMissingApi(e) ? pendingApi('hits', e) : problemBox(e));
    return;
  }
  const shown = hits.filter((x) => keep(filter, x));
  const pager = total > hits.length ? h('nav', { class: 'pager', id: 'hits-pager', 'aria-label': t('hits.title') },
    h('span', { id: 'hits-range' }, hits.length ? t('hits.range', { from: offset + 1, to: offset + hits.length, total }) : t('hits.rangePast', { total })), ' ',
    // Past the end (an offset typed in the address), "previous" goes to the last page there is.
    offset > 0 && h('a', { href: link(filter, hits.length ? Math.max(0, offset - PAGE) : Math.max(0, (Math.ceil(total / PAGE) - 1) * PAGE)),
      id: 'hits-previous' }, t('hits.previous')), ' ',
    hits.length > 0 && offset + hits.length < total && h('a', { href: link(filter, offset + PAGE), id: 'hits-next' }, t('hits.next'))) : null;
  // The server filters and counts every hit (X-Total-Count); the page shows at most PAGE of them.
  clear(list, h('h2', { id: 'hits-count' }, t('hits.count', { count: total })), pager, shown.length === 0 ? h('p', { class: 'empty' }, t('hits.none')) : table([
    [t('hits.col.ref'), (x) => h('a', { href: `#/hits/${encodeURIComponent(x.ref)}`, class: 'hit-link' }, x.ref)],
    [t('hits.col.when'), (x) => formatDate(x.createdAt), { class: 'nowrap' }],
    [t('hits.col.ours'), (x) => entityLink(x.ownEntity)],
    [t('hits.col.other'), (x) => [badge.agency(x.otherAgency), x.otherEntity && entityLink(x.otherEntity)]],
    [t('hits.col.band'), (x) => badge.band(x.band)],
    [t('hits.col.kinds'), (x) => kindNames(kinds(x))],
    [t('hits.col.status'), (x) => [badge.status(x.judgement || 'new'),
      x.pendingIncoming > 0 && h('span', { class: 'badge status' }, t('hits.pendingIncoming', { count: x.pendingIncoming })),
      x.overdue && badge.overdue()]],
  ], shown, t('hits.title')));
}

async function renderHit(root, ctx, ref) {
  clear(root, loading());
  let x;
  try {
    x = await api.hit(ref);
  } catch (e) {
    clear(root, h('h1', {}, t('hits.hit')), isMissingApi(e) ? pendingApi('hits', e) : e.status === 404 ? h('p', { class: 'empty' }, t('hits.notFound')) : problemBox(e));
    return;
  }
  const errors = h('div', { id: 'hit-errors' });
  const act = async (fn, done) => {
    errors.replaceChildren();
    try {
      await fn();
      toast(done);
      await renderHit(root, ctx, ref);
    } catch (e) {
      errors.replaceChildren(problemBox(e));
    }
  };
  const requests = listOf(x.requests || []);
  const outgoing = requests.filter((r) => r.direction === 'outgoing');
  const incoming = requests.filter((r) => r.direction === 'incoming');

  const requestRow = (r) => h('div', { class: 'request card', 'data-request': r.id, 'data-status': r.status },
    h('p', {}, badge.agency(r.requesterAgency), ' ', t('hits.requestedBy', { by: r.requestedBy || '', at: formatDate(r.requestedAt) }), ' ',
      badge.status(r.revokedAt ? 'revoked' : r.status), r.deadline && [' ', h('span', { class: 'small' }, t('hits.due', { at: formatDate(r.deadline) }))], r.overdue && [' ', badge.overdue()]),
    h('blockquote', { class: 'justification' }, r.justification),
    r.reason && h('p', { class: 'small' }, t('hits.answerReason', { reason: r.reason, by: r.answeredBy || '' })),
    r.releasedProperties && h('p', { class: 'small' }, t('hits.releasedProps', { props: r.releasedProperties.join(', ') })));

  // Ours was asked for: release all, part, or refuse; a release can be revoked for the future.
  const answerBox = (r) => {
    const reason = h('textarea', { name: 'reason', id: `reason-${r.id}` });
    const partBox = h('div', { id: `part-${r.id}` });
    const chooseProps = async () => {
      try {
        const e = await withJustification(t('justification.purpose.release'), (j) => api.entity(x.ownEntity, j));
        const props = Object.keys(e.properties || {});
        partBox.replaceChildren(h('fieldset', {}, h('legend', {}, t('hits.releaseWhich')),
          props.map((p) => h('label', { class: 'small', style: 'margin-right:.8rem' }, h('input', { type: 'checkbox', name: 'prop', value: p }), ` ${p}`))),
        h('button', { type: 'button', id: `release-part-${r.id}`, onclick: () => {
          const chosen = [...partBox.querySelectorAll('input[name=prop]:checked')].map((c) => c.value);
          act(() => api.answer(ref, r.id, 'part', chosen, reason.value.trim() || undefined), t('hits.releasedDone'));
        } }, t('hits.releaseChosen')));
      } catch (e) {
        partBox.replaceChildren(problemBox(e));
      }
    };
    return h('div', {}, requestRow(r),
      r.status === 'pending' && [field(t('hits.reason'), reason, t('hits.reasonHint')),
        h('div', { class: 'actions' },
          h('button', { type: 'button', id: `release-all-${r.id}`, onclick: () => act(() => api.answer(ref, r.id, 'all', [], reason.value.trim() || undefined), t('hits.releasedDone')) }, t('hits.releaseAll')),
          h('button', { type: 'button', class: 'secondary', id: `choose-${r.id}`, onclick: chooseProps }, t('hits.releasePart')),
          h('button', { type: 'button', class: 'danger', id: `refuse-${r.id}`, onclick: () => act(() => api.refuse(ref, r.id, reason.value.trim()), t('hits.refusedDone')) }, t('hits.refuse'))),
        partBox],
      ['released', 'partly_released'].includes(r.status) && !r.revokedAt && h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', id: `revoke-${r.id}`, onclick: () => act(() => api.revoke(ref, r.id, reason.value.trim() || t('hits.revokeDefault')), t('hits.revokedDone')) }, t('hits.revoke'))));
  };

  const just = h('textarea', { name: 'justification', id: 'request-justification', required: true });
  const canAsk = !x.otherEntity && !outgoing.some((r) => r.status === 'pending');
  const other = h('section', { class: 'card', 'aria-labelledby': 'other-title' }, h('h2', { id: 'other-title' }, t('hits.otherSide', { agency: x.otherAgency || '' })),
    x.otherEntity ? h('p', {}, t('hits.released'), ' ', h('a', { href: `#/entity/${encodeURIComponent(x.otherEntity)}`, id: 'other-entity' }, x.otherEntity))
      : h('p', { class: 'muted' }, t('hits.notReleased')),
    outgoing.map(requestRow),
    canAsk && [field(t('hits.justification'), just, t('hits.justificationHint')),
      h('button', { type: 'button', id: 'request-details', onclick: () => {
        if (just.value.trim().length < 10) { errors.replaceChildren(problemBox({ title: t('justification.tooShort') })); just.focus(); return; }
        act(() => api.requestDetails(ref, just.value.trim()), t('hits.requested'));
      } }, t('hits.request'))]);

  const judgeReason = h('textarea', { name: 'reason', id: 'judge-reason' });
  const judge = h('section', { class: 'card', 'aria-labelledby': 'judge-title' }, h('h2', { id: 'judge-title' }, t('hits.judge')),
    listOf(x.judgements || []).length > 0 && h('ul', { class: 'small' }, x.judgements.map((j) => h('li', {}, badge.status(j.judgement), ` ${j.by || ''} (${j.agency || ''}), ${formatDate(j.at)}: ${j.reason || ''}`))),
    field(t('hits.judgeReason'), judgeReason),
    h('div', { class: 'actions' }, ['confirmed', 'rejected', 'unsure'].map((j) => h('button', { type: 'button', class: j === 'confirmed' ? '' : 'secondary', id: `judge-${j}`,
      onclick: () => act(() => api.judge(ref, j, judgeReason.value.trim()), t('hits.judged', { judgement: t(`status.${j}`) })) }, t(`hits.judge.${j}`)))));

  const msgBody = h('textarea', { name: 'body', id: 'message-body' });
  const msgHandling = select('handling', ['H0', 'H1', 'H2', 'H3'].map((c) => [c, t(`handling.${c}`)]), 'H0', { id: 'message-handling' });
  const msgCondition = h('input', { name: 'handlingCondition', id: 'message-condition' });
  const messages = h('section', { class: 'card', 'aria-labelledby': 'msg-title' }, h('h2', { id: 'msg-title' }, t('hits.messages')),
    listOf(x.messages || []).map((m) => h('div', { class: 'message' }, h('p', { class: 'small' }, badge.agency(m.fromAgency), ` ${m.author || ''}, ${formatDate(m.sentAt)} `, badge.handling(m.handling)),
      conditionNote(m.handling, m.handlingCondition), h('p', { dir: 'auto' }, m.body))),
    field(t('hits.message'), msgBody), h('div', { class: 'grid-2' }, field(t('hits.messageHandling'), msgHandling), field(t('hits.messageCondition'), msgCondition)),
    h('button', { type: 'button', id: 'message-send', onclick: () => act(() => api.hitMessage(ref, msgBody.value.trim(), msgHandling.value, msgCondition.value.trim() || undefined), t('hits.messageSent')) }, t('hits.send')));

  clear(root, h('h1', {}, t('hits.hitRef', { ref: x.ref })),
    h('p', { class: 'sub' }, badge.band(x.band), badge.status(x.judgement || 'new'), x.overdue && badge.overdue(), ' ',
      t('hits.kinds', { kinds: kindNames(kinds(x)) || '—' }), x.algorithm && h('span', { class: 'small muted' }, ` · ${x.algorithm}`),
      h('span', { class: 'small muted' }, ` · ${formatDate(x.createdAt)}`)),
    errors,
    h('div', { class: 'grid-2' },
      h('section', { class: 'card', 'aria-labelledby': 'ours-title' }, h('h2', { id: 'ours-title' }, t('hits.ours')), entityLink(x.ownEntity),
        incoming.length > 0 && [h('h3', {}, t('hits.requests')), incoming.map(answerBox)]),
      other),
    h('div', { class: 'grid-2' }, judge, messages));
}
