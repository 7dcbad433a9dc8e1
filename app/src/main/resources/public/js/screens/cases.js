// Joint action days (operations) and cases: plan an operation, follow its tasks per agency, the
// coordination log, and its outcomes counted as data. Contract: branch actions, /api/operations*.
import { t, formatDate } from '../i18n.js';
import { api } from '../api.js';
import { h, clear, field, select, badge, problemBox, isMissingApi, pendingApi, loading, table, toast } from '../ui.js';
import { listOf } from '../model.js';

const TASKS = ['arrest', 'search', 'interview', 'financial-investigation', 'victim-safeguarding'];
const TASK_STATUS = ['planned', 'in-progress', 'done', 'failed', 'cancelled'];
const OUTCOMES = ['arrest', 'victim-identified', 'victim-safeguarded', 'suspect-identified', 'document-seized', 'asset-seized', 'investigation-opened'];
const OP_STATUS = ['planned', 'active', 'completed', 'cancelled'];
/** Outcome counts keyed as the API's enum names or codes (ARREST, victim-identified) → codes. */
const code = (k) => String(k || '').toLowerCase().replace(/_/g, '-');
const byCode = (m) => Object.fromEntries(Object.entries(m || {}).map(([k, v]) => [code(k), v]));

export async function render(root, ctx) {
  if (ctx.params.id) return renderOperation(root, ctx, ctx.params.id);
  const opsBox = h('section', { id: 'operations', 'aria-labelledby': 'ops-title' }, loading());
  clear(root, h('h1', {}, t('cases.title')), h('div', { class: 'cols' }, opsBox, planForm(ctx)));
  try {
    const ops = listOf(await api.operations(), 'operations');
    const totals = {};
    await Promise.all(ops.map(async (o) => {
      try {
        const tt = await api.outcomeTotals(o.id);
        for (const [k, n] of Object.entries(byCode(tt.total && tt.total.counts))) totals[k] = (totals[k] || 0) + n;
      } catch { /* an operation without totals adds nothing */ }
    }));
    clear(opsBox, h('h2', { id: 'ops-title' }, t('ops.title')),
      h('div', { class: 'card', id: 'ops-dashboard' }, h('h3', {}, t('ops.totals')),
        h('dl', { class: 'props' }, OUTCOMES.map((k) => [h('dt', {}, t(`ops.outcome.${k}`)), h('dd', {}, String(totals[k] || 0))]))),
      ops.length ? table([
        [t('ops.col.name'), (o) => h('a', { href: `#/operations/${encodeURIComponent(o.id)}`, class: 'op-link' }, o.name || o.id)],
        [t('ops.col.period'), (o) => `${o.start || ''} – ${o.end || ''}`, { class: 'nowrap' }],
        [t('ops.col.lead'), (o) => badge.agency(o.leadAgency)],
        [t('ops.col.participants'), (o) => [].concat(o.participants || []).map((p) => badge.agency(p))],
        [t('ops.col.status'), (o) => badge.status(code(o.status))],
      ], ops, t('ops.title')) : h('p', { class: 'empty' }, t('ops.none')));
  } catch (e) {
    clear(opsBox, h('h2', { id: 'ops-title' }, t('ops.title')), isMissingApi(e) ? pendingApi('operations', e) : problemBox(e));
  }
}

const slug = (s) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');

function planForm(ctx) {
  const name = h('input', { name: 'name', id: 'op-name', required: true });
  const start = h('input', { type: 'date', name: 'start', id: 'op-start', required: true });
  const end = h('input', { type: 'date', name: 'end', id: 'op-end', required: true });
  const mine = ctx.session.user && ctx.session.user.agency;
  const participants = h('select', { name: 'participants', id: 'op-participants', multiple: true, size: 7 },
    ctx.session.agencies.filter((a) => a.code !== mine).map((a) => h('option', { value: a.code }, `${a.code} – ${a.name}`)));
  const objectives = h('textarea', { name: 'objectives', id: 'op-objectives' });
  const errors = h('div', { id: 'op-errors' });
  const form = h('form', { class: 'card', id: 'plan-form', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title' }, t('ops.plan')),
    h('p', { class: 'small muted' }, t('ops.leadIsYou', { agency: mine || '—' })),
    field(t('ops.name'), name), h('div', { class: 'grid-2' }, field(t('ops.start'), start), field(t('ops.end'), end)),
    field(t('ops.participants'), participants, t('ops.participantsHint')), field(t('ops.objectives'), objectives, t('ops.objectivesHint')),
    errors, h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'op-submit' }, t('ops.create'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.replaceChildren();
    try {
      const op = await api.createOperation({ id: slug(`${name.value} ${start.value}`), name: name.value.trim(), start: start.value, end: end.value,
        leadAgency: mine, participants: [mine, ...[...participants.selectedOptions].map((o) => o.value)].filter(Boolean),
        objectives: objectives.value.split('\n').map((x) => x.trim()).filter(Boolean), status: 'planned' });
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
  let d;
  let totals = null;
  try {
    d = await api.operation(id);
    totals = await api.outcomeTotals(id).catch(() => null);
  } catch (e) {
    clear(root, h('h1', {}, t('ops.title')), isMissingApi(e) ? pendingApi('operations', e) : e.status === 404 ? h('p', { class: 'empty' }, t('ops.notFound')) : problemBox(e));
    return;
  }
  const o = d.operation || d;
  const errors = h('div', { id: 'op-errors' });
  const act = async (fn, done) => {
    errors.replaceChildren();
    try { await fn(); toast(done); await renderOperation(root, ctx, id); } catch (e) { errors.replaceChildren(problemBox(e)); }
  };
  const tasks = listOf(d.tasks || []);
  const log = listOf(d.log || []);
  const agencies = [].concat(o.participants || []);

  // What the server lets this agency change: the operation's status is the lead's, a task its own
  // agency's or the lead's. Other controls are shown disabled rather than refused after the change.
  const mine = ctx.session.user && ctx.session.user.agency;
  const may = (agency) => !mine || mine === '*' || mine === o.leadAgency || mine === agency;
  // A status is saved with its button, not on every change: at the keyboard each arrow press on a
  // select is a change, and would save (and redraw) every status passed on the way.
  const savedWith = (control, saved, label, save) => {
    const button = h('button', { type: 'button', class: 'save-status', 'aria-label': label, disabled: true, onclick: save }, t('ops.save'));
    control.addEventListener('change', () => { button.disabled = control.disabled || control.value === saved; });
    return button;
  };
  const status = select('status', OP_STATUS.map((s) => [s, t(`status.${s}`)]), code(o.status), { id: 'op-status', disabled: !may(o.leadAgency) });
  const statusSave = savedWith(status, code(o.status), t('ops.saveOperationStatus'),
    () => act(() => api.operationStatus(id, status.value), t('ops.statusChanged')));
  statusSave.id = 'op-status-save';

  const taskAgency = select('agency', agencies.map((a) => [a, a]), agencies[0], { id: 'task-agency' });
  const taskKind = select('kind', TASKS.map((k) => [k, t(`ops.task.${k}`)]), 'arrest', { id: 'task-kind' });
  const taskTarget = h('input', { name: 'target', id: 'task-target', placeholder: t('ops.targetHint') });
  const taskDesc = h('input', { name: 'description', id: 'task-description' });

  const logText = h('textarea', { name: 'message', id: 'log-message' });
  const outKind = select('kind', OUTCOMES.map((k) => [k, t(`ops.outcome.${k}`)]), 'arrest', { id: 'outcome-kind' });
  const outCount = h('input', { type: 'number', min: 1, value: 1, name: 'count', id: 'outcome-count', size: 4 });
  const outMinor = h('input', { type: 'checkbox', name: 'minor', id: 'outcome-minor' });
  const outSubject = h('input', { name: 'subject', id: 'outcome-subject', placeholder: t('ops.targetHint') });
  const counts = byCode(totals && totals.total && totals.total.counts);
  const children = byCode(totals && totals.total && totals.total.children);
  const seized = (totals && totals.total && totals.total.seized) || {};

  clear(root, h('h1', {}, o.name || o.id),
    h('p', { class: 'sub' }, `${o.start || ''} – ${o.end || ''} `, badge.agency(o.leadAgency), ' ', agencies.filter((a) => a !== o.leadAgency).map((a) => badge.agency(a)), ' ', badge.status(code(o.status))),
    errors,
    [].concat(o.objectives || []).length > 0 && h('ul', {}, [].concat(o.objectives).map((x) => h('li', {}, x))),
    h('div', { class: 'cols' },
      h('div', {},
        h('section', { class: 'card', 'aria-labelledby': 'tasks-title' }, h('h2', { id: 'tasks-title' }, t('ops.tasks')),
          tasks.length ? table([
            [t('ops.col.agency'), (x) => badge.agency(x.agency)],
            [t('ops.col.task'), (x) => [t(`ops.task.${code(x.kind)}`), x.description && ` · ${x.description}`, x.target && [' · ', h('a', { href: `#/entity/${encodeURIComponent(x.target)}` }, x.target)]]],
            [t('ops.col.status'), (x) => {
              const s = select('status', TASK_STATUS.map((v) => [v, t(`status.${v}`)]), code(x.status),
                { 'aria-label': t('ops.taskStatus', { task: x.id }), disabled: !may(x.agency) });
              return h('span', { class: 'status-edit' }, s, ' ', savedWith(s, code(x.status), t('ops.saveTaskStatus', { task: x.id }),
                () => act(() => api.taskStatus(id, x.id, s.value), t('ops.taskMoved'))));
            }],
          ], tasks) : h('p', { class: 'muted' }, t('ops.noTasks')),
          h('form', { class: 'filters', id: 'task-form', onsubmit: (e) => { e.preventDefault(); act(() => api.addTask(id, { agency: taskAgency.value, kind: taskKind.value, target: taskTarget.value.trim() || undefined, description: taskDesc.value.trim() || undefined }), t('ops.taskAdded')); } },
            field(t('ops.col.agency'), taskAgency), field(t('ops.col.task'), taskKind), field(t('ops.target'), taskTarget), field(t('ops.description'), taskDesc),
            h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'task-add' }, t('ops.addTask'))))),
        h('section', { class: 'card', 'aria-labelledby': 'log-title' }, h('h2', { id: 'log-title' }, t('ops.log')),
          log.length ? h('ol', { class: 'timeline' }, log.map((l) => h('li', {}, h('strong', {}, formatDate(l.at)), ' ', badge.agency(l.agency), ` ${l.author || ''}: `, l.message))) : h('p', { class: 'muted' }, t('ops.noLog')),
          field(t('ops.logMessage'), logText),
          h('button', { type: 'button', id: 'log-add', onclick: () => act(() => api.logEntry(id, logText.value.trim()), t('ops.logged')) }, t('ops.addLog')))),
      h('div', {},
        h('section', { class: 'card' }, h('h2', {}, t('ops.status')), field(t('ops.col.status'), status), statusSave),
        h('section', { class: 'card', id: 'op-outcomes', 'aria-labelledby': 'out-title' }, h('h2', { id: 'out-title' }, t('ops.outcomes')),
          h('dl', { class: 'props' }, OUTCOMES.map((k) => [h('dt', {}, t(`ops.outcome.${k}`)), h('dd', {}, String(counts[k] || 0), children[k] ? ` (${t('ops.children', { count: children[k] })})` : '')]),
            Object.entries(seized).map(([cur, amount]) => [h('dt', {}, t('ops.seized', { currency: cur })), h('dd', {}, String(amount))])),
          h('form', { id: 'outcome-form', onsubmit: (e) => { e.preventDefault(); act(() => api.addOutcome(id, { kind: outKind.value, count: Number(outCount.value) || 1, minor: outMinor.checked, subject: outSubject.value.trim() || undefined, date: new Date().toISOString().slice(0, 10) }), t('ops.outcomeAdded')); } },
            h('h3', {}, t('ops.recordOutcome')), field(t('ops.outcomeKind'), outKind), field(t('ops.count'), outCount), field(t('ops.subject'), outSubject),
            h('label', { class: 'small' }, outMinor, ` ${t('ops.minor')}`),
            h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'outcome-add' }, t('ops.addOutcome'))))))));
}
