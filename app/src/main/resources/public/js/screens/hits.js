// The hits inbox of the user's agency: new hits with score band and matched kinds, requests for
// details (with their justification), release or refusal, judgements, deadlines and overdue flags.
import { t, formatDate } from '../i18n.js';
import { api } from '../api.js';
import { h, clear, field, badge, problemBox, pendingApi, isMissingApi, loading, table, toast } from '../ui.js';
import { listOf } from '../model.js';

const STATUSES = ['', 'new', 'requested', 'released', 'refused', 'confirmed', 'rejected', 'unsure'];

const kinds = (x) => [].concat(x.kinds || x.matchedKinds || x.matched || []);
const isOverdue = (r) => r.overdue || (r.deadline && !['released', 'refused'].includes(String(r.status).toLowerCase()) && new Date(r.deadline) < new Date());

export async function render(root, ctx) {
  if (ctx.params.id) return renderHit(root, ctx, ctx.params.id);
  const status = ctx.query.get('status') || '';
  const statusSel = h('select', { id: 'f-status', name: 'status' }, STATUSES.map((s) => h('option', { value: s, selected: s === status }, s ? t(`status.${s}`) : t('hits.anyStatus'))));
  statusSel.addEventListener('change', () => ctx.navigate(`#/hits${statusSel.value ? `?status=${statusSel.value}` : ''}`));
  const list = h('section', { id: 'hits-list' }, loading());
  const incoming = h('section', { id: 'hits-incoming' });
  clear(root, h('h1', {}, t('hits.title')), h('p', { class: 'sub' }, t('hits.intro')),
    h('div', { class: 'filters card' }, field(t('hits.status'), statusSel)), list, incoming);
  let answer;
  try {
    answer = await api.hits({ status: status || undefined });
  } catch (e) {
    clear(list, isMissingApi(e) ? pendingApi('hits', e) : problemBox(e));
    return;
  }
  const hits = listOf(answer, 'hits');
  clear(list, h('h2', {}, t('hits.count', { count: hits.length })), hits.length === 0 ? h('p', { class: 'empty' }, t('hits.none')) : table([
    [t('hits.col.ref'), (x) => h('a', { href: `#/hits/${encodeURIComponent(x.id)}`, class: 'hit-link' }, x.ref || x.id)],
    [t('hits.col.when'), (x) => formatDate(x.createdAt || x.at)],
    [t('hits.col.ours'), (x) => x.ourEntity ? h('a', { href: `#/entity/${encodeURIComponent(x.ourEntity.id || x.ourEntity)}` }, x.ourEntity.caption || x.ourEntity.id || x.ourEntity) : ''],
    [t('hits.col.other'), (x) => badge.agency(x.otherAgency || x.agency)],
    [t('hits.col.band'), (x) => badge.band(x.band)],
    [t('hits.col.kinds'), (x) => kinds(x).join(', ')],
    [t('hits.col.status'), (x) => [badge.status(x.status || x.judgement || 'new'), x.deadline && ` ${t('hits.due', { at: formatDate(x.deadline) })}`, isOverdue(x) && badge.overdue()]],
  ], hits, t('hits.title')));
  // Requests other agencies sent us for the details of our records.
  const requests = listOf(answer.incoming || answer.requests || []);
  if (requests.length) {
    clear(incoming, h('h2', {}, t('hits.incoming', { count: requests.length })), table([
      [t('hits.col.ref'), (r) => h('a', { href: `#/hits/${encodeURIComponent(r.hitId || r.hit)}` }, r.hitRef || r.hitId || r.hit)],
      [t('hits.col.from'), (r) => badge.agency(r.from || r.requestingAgency)],
      [t('hits.col.justification'), (r) => r.justification],
      [t('hits.col.deadline'), (r) => [formatDate(r.deadline), isOverdue(r) && [' ', badge.overdue()]]],
      [t('hits.col.status'), (r) => badge.status(r.status)],
    ], requests));
  }
}

async function renderHit(root, ctx, id) {
  clear(root, loading());
  let x;
  try {
    x = await api.hit(id);
  } catch (e) {
    clear(root, h('h1', {}, t('hits.hit')), isMissingApi(e) ? pendingApi('hits', e) : problemBox(e));
    return;
  }
  const reload = () => renderHit(root, ctx, id);
  const act = async (fn, done) => {
    try {
      await fn();
      toast(done);
      await reload();
    } catch (e) {
      errors.replaceChildren(problemBox(e));
    }
  };
  const errors = h('div', { id: 'hit-errors' });

  const judgeReason = h('textarea', { name: 'reason', id: 'judge-reason' });
  const judge = h('section', { class: 'card', 'aria-labelledby': 'judge-title' }, h('h2', { id: 'judge-title' }, t('hits.judge')),
    field(t('hits.judgeReason'), judgeReason),
    h('div', { class: 'actions' }, ['confirmed', 'rejected', 'unsure'].map((j) => h('button', { type: 'button', class: j === 'rejected' ? 'secondary' : '', id: `judge-${j}`,
      onclick: () => act(() => api.judge(id, j, judgeReason.value.trim()), t('hits.judged', { judgement: t(`status.${j}`) })) }, t(`hits.judge.${j}`)))));

  // The other side's details: released values, or a justified request for them.
  const released = x.released || x.details;
  const just = h('textarea', { name: 'justification', id: 'request-justification', required: true });
  const other = h('section', { class: 'card', 'aria-labelledby': 'other-title' }, h('h2', { id: 'other-title' }, t('hits.otherSide', { agency: x.otherAgency || x.agency || '' })),
    released ? h('dl', { class: 'props', id: 'released' }, Object.entries(released.properties || released).map(([k, v]) => [h('dt', {}, k), h('dd', { dir: 'auto' }, [].concat(v).join(', '))]))
      : [h('p', { class: 'muted' }, t('hits.notReleased')),
        x.canRequest !== false && [field(t('hits.justification'), just, t('hits.justificationHint')),
          h('button', { type: 'button', id: 'request-details', onclick: () => {
            if (just.value.trim().length < 10) { errors.replaceChildren(problemBox({ title: t('justification.tooShort') })); just.focus(); return; }
            act(() => api.requestDetails(id, just.value.trim()), t('hits.requested'));
          } }, t('hits.request'))]]);

  // Requests for our record's details: release all, part, or refuse, with a reason.
  const reqs = listOf(x.requests || []);
  const owner = reqs.length ? h('section', { class: 'card', 'aria-labelledby': 'req-title' }, h('h2', { id: 'req-title' }, t('hits.requests')),
    reqs.map((r) => {
      const reason = h('textarea', { name: 'reason', id: `reason-${r.id}` });
      const props = [].concat(r.properties || x.properties || []);
      const boxes = props.map((p) => h('label', { class: 'small' }, h('input', { type: 'checkbox', value: p, checked: true }), ` ${p} `));
      const open = !['released', 'refused'].includes(String(r.status).toLowerCase());
      return h('div', { class: 'request', 'data-request': r.id },
        h('p', {}, badge.agency(r.from || r.requestingAgency), ' ', t('hits.requestedAt', { at: formatDate(r.requestedAt || r.at) }), ' ', badge.status(r.status),
          r.deadline && [' ', t('hits.due', { at: formatDate(r.deadline) })], isOverdue(r) && [' ', badge.overdue()]),
        h('blockquote', {}, r.justification),
        open && [boxes.length > 0 && h('fieldset', {}, h('legend', {}, t('hits.releaseWhich')), boxes),
          field(t('hits.reason'), reason),
          h('div', { class: 'actions' },
            h('button', { type: 'button', id: `release-${r.id}`, onclick: () => act(() => api.release(r.id, boxes.filter((b) => b.firstChild.checked).map((b) => b.firstChild.value), reason.value.trim()), t('hits.releasedDone')) }, t('hits.release')),
            h('button', { type: 'button', class: 'danger', id: `refuse-${r.id}`, onclick: () => act(() => api.refuse(r.id, reason.value.trim()), t('hits.refusedDone')) }, t('hits.refuse')))]);
    })) : null;

  clear(root, h('h1', {}, t('hits.hitRef', { ref: x.ref || x.id })),
    h('p', { class: 'sub' }, badge.band(x.band), badge.status(x.status || x.judgement || 'new'), ' ', t('hits.kinds', { kinds: kinds(x).join(', ') || '—' }),
      x.algorithm && h('span', { class: 'small muted' }, ` · ${x.algorithm}`)),
    errors,
    h('div', { class: 'grid-2' },
      h('section', { class: 'card' }, h('h2', {}, t('hits.ours')),
        x.ourEntity ? h('a', { href: `#/entity/${encodeURIComponent(x.ourEntity.id || x.ourEntity)}` }, x.ourEntity.caption || x.ourEntity.id || x.ourEntity) : '—',
        x.reasons && h('ul', {}, [].concat(x.reasons).map((r) => h('li', {}, r.detail || r)))),
      other),
    owner, judge);
}
