// Cases (with the agencies they are shared with) and joint action days: plan one, follow its tasks
// per agency, the coordination log and the outcomes counted as data.
import { t, formatDate } from '../i18n.js';
import { api } from '../api.js';
import { h, clear, field, badge, problemBox, isMissingApi, pendingApi, loading, table, toast } from '../ui.js';
import { listOf } from '../model.js';

const OUTCOMES = ['arrests', 'victimsIdentified', 'childrenSafeguarded', 'suspectsIdentified', 'seizures', 'investigationsOpened'];

export async function render(root, ctx) {
  if (ctx.params.id) return renderOperation(root, ctx, ctx.params.id);
  const casesBox = h('section', { id: 'cases', 'aria-labelledby': 'cases-title' }, loading());
  const opsBox = h('section', { id: 'operations', 'aria-labelledby': 'ops-title' }, loading());
  clear(root, h('h1', {}, t('cases.title')), h('div', { class: 'cols' }, h('div', {}, opsBox, casesBox), planForm(ctx)));

  try {
    const ops = listOf(await api.operations(), 'operations');
    const totals = Object.fromEntries(OUTCOMES.map((k) => [k, ops.reduce((n, o) => n + Number((o.outcomes || {})[k] || 0), 0)]));
    clear(opsBox, h('h2', { id: 'ops-title' }, t('ops.title')),
      h('div', { class: 'card', id: 'ops-dashboard' }, h('h3', {}, t('ops.totals')),
        h('dl', { class: 'props' }, OUTCOMES.map((k) => [h('dt', {}, t(`ops.outcome.${k}`)), h('dd', {}, String(totals[k]))]))),
      ops.length ? table([
        [t('ops.col.name'), (o) => h('a', { href: `#/operations/${encodeURIComponent(o.id)}` }, o.name || o.title || o.id)],
        [t('ops.col.period'), (o) => `${o.start || (o.period && o.period.start) || ''} – ${o.end || (o.period && o.period.end) || ''}`, { class: 'nowrap' }],
        [t('ops.col.lead'), (o) => badge.agency(o.lead || o.leadAgency)],
        [t('ops.col.participants'), (o) => [].concat(o.participants || []).map((p) => badge.agency(p.code || p))],
        [t('ops.col.status'), (o) => badge.status(o.status)],
      ], ops, t('ops.title')) : h('p', { class: 'empty' }, t('ops.none')));
  } catch (e) {
    clear(opsBox, h('h2', { id: 'ops-title' }, t('ops.title')), isMissingApi(e) ? pendingApi('operations', e) : problemBox(e));
  }
  try {
    const cases = listOf(await api.cases(), 'cases');
    clear(casesBox, h('h2', { id: 'cases-title' }, t('cases.cases')), cases.length ? table([
      [t('cases.col.ref'), (c) => h('a', { href: `#/search?case=${encodeURIComponent(c.ref || c.caseRef)}` }, c.ref || c.caseRef)],
      [t('cases.col.title'), (c) => c.title],
      [t('cases.col.owner'), (c) => badge.agency(c.agency)],
      [t('cases.col.shared'), (c) => [].concat(c.sharedWith || c.shares || []).map((a) => badge.agency(a.code || a))],
      [t('cases.col.opened'), (c) => c.opened],
    ], cases, t('cases.cases')) : h('p', { class: 'empty' }, t('cases.none')));
  } catch (e) {
    clear(casesBox, h('h2', { id: 'cases-title' }, t('cases.cases')), isMissingApi(e) ? pendingApi('cases', e) : problemBox(e));
  }
}

function planForm(ctx) {
  const name = h('input', { name: 'name', id: 'op-name', required: true });
  const start = h('input', { type: 'date', name: 'start', id: 'op-start', required: true });
  const end = h('input', { type: 'date', name: 'end', id: 'op-end', required: true });
  const lead = h('select', { name: 'lead', id: 'op-lead' }, ctx.session.agencies.map((a) => h('option', { value: a.code, selected: ctx.session.user && a.code === ctx.session.user.agency }, `${a.code} – ${a.name}`)));
  const participants = h('select', { name: 'participants', id: 'op-participants', multiple: true, size: 6 },
    ctx.session.agencies.map((a) => h('option', { value: a.code }, `${a.code} – ${a.name}`)));
  const objectives = h('textarea', { name: 'objectives', id: 'op-objectives' });
  const errors = h('div');
  const form = h('form', { class: 'card', id: 'plan-form', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title' }, t('ops.plan')),
    field(t('ops.name'), name), h('div', { class: 'grid-2' }, field(t('ops.start'), start), field(t('ops.end'), end)),
    field(t('ops.lead'), lead), field(t('ops.participants'), participants, t('ops.participantsHint')), field(t('ops.objectives'), objectives),
    errors, h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'op-submit' }, t('ops.create'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.replaceChildren();
    try {
      const op = await api.createOperation({ name: name.value.trim(), start: start.value, end: end.value, lead: lead.value,
        participants: [...participants.selectedOptions].map((o) => o.value), objectives: objectives.value.trim() });
      toast(t('ops.created'));
      ctx.navigate(`#/operations/${encodeURIComponent(op.id)}`);
    } catch (err) {
      errors.append(isMissingApi(err) ? pendingApi('operations', err) : problemBox(err));
    }
  });
  return form;
}

async function renderOperation(root, ctx, id) {
  clear(root, loading());
  let o;
  try {
    o = await api.operation(id);
  } catch (e) {
    clear(root, h('h1', {}, t('ops.title')), isMissingApi(e) ? pendingApi('operations', e) : problemBox(e));
    return;
  }
  const tasks = listOf(o.tasks || []);
  const log = listOf(o.log || o.coordinationLog || []);
  clear(root, h('h1', {}, o.name || o.id),
    h('p', { class: 'sub' }, `${o.start || ''} – ${o.end || ''} `, badge.agency(o.lead || o.leadAgency), badge.status(o.status)),
    o.objectives && h('p', {}, o.objectives),
    h('div', { class: 'cols' },
      h('div', {},
        h('section', { class: 'card' }, h('h2', {}, t('ops.tasks')), tasks.length ? table([
          [t('ops.col.agency'), (x) => badge.agency(x.agency)],
          [t('ops.col.task'), (x) => t(`ops.task.${x.kind || x.type}`) + (x.target ? ` · ${x.target.caption || x.target}` : '')],
          [t('ops.col.status'), (x) => badge.status(x.status)],
        ], tasks) : h('p', { class: 'muted' }, t('ops.noTasks'))),
        h('section', { class: 'card' }, h('h2', {}, t('ops.log')), log.length ? h('ol', { class: 'timeline' }, log.map((l) => h('li', {},
          h('strong', {}, formatDate(l.at)), ' ', badge.agency(l.agency), ' ', l.text || l.message))) : h('p', { class: 'muted' }, t('ops.noLog')))),
      h('section', { class: 'card', id: 'op-outcomes' }, h('h2', {}, t('ops.outcomes')),
        h('dl', { class: 'props' }, OUTCOMES.map((k) => [h('dt', {}, t(`ops.outcome.${k}`)), h('dd', {}, String((o.outcomes || {})[k] ?? 0))])))));
}
