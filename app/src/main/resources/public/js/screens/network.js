// The network chart (Cytoscape.js) over the network API (/api/network, see docs/network-api.md):
// start from an entity or a case, expand neighbours (1-3 hops), find a path between two entities,
// colour by community / role / agency / kind, size by a measure and highlight its key players,
// filter links by date (a time slider), run a disruption simulation (by a centrality, or removing
// every record of a role, e.g. all money handlers) and see its curve with components and efficiency
// per step (and as a PNG chart from the server), load a joint action day's targets, list all paths
// up to 4 steps, export PNG,
// GraphML, GEXF, CSV, FtM and i2 ANX. Everything drawn comes from the API, which only ever returns
// what the signed-in user may see.
import cytoscape from 'cytoscape';
import { t } from '../i18n.js';
import { api, download } from '../api.js';
import { h, clear, field, select, problemBox, isMissingApi, pendingApi, withJustification, toast } from '../ui.js';
import { summary, listOf } from '../model.js';

const PALETTE = ['#1f5fbf', '#b03a00', '#1e6b34', '#7b2cbf', '#a4161a', '#006d77', '#8a5300', '#c9184a', '#3a506b', '#2b9348'];
const MEASURES = ['degree', 'betweenness', 'closeness', 'pagerank', 'katz', 'eigenvector', 'coreness', 'ci', 'brokerage'];
const STRATEGIES = ['betweenness', 'degree', 'katz', 'ci', 'role'];
const ORDERS = ['degree', 'betweenness', 'katz', 'ci'];
// The codes of roles.yaml (the server cleans any spelling of them).
const ROLES = ['organiser', 'moneyHandler', 'broker', 'recruiter', 'transporter', 'boatPilot', 'documentForger', 'safeHouseKeeper', 'lookout', 'exploiter'];
const ALL_PATHS_LENGTH = 4;
const EXPORTS = [['graphml', 'graphml'], ['gexf', 'gexf'], ['anx', 'anx'], ['csv', 'edges.csv'], ['csv-nodes', 'nodes.csv'], ['ftm', 'ftm.json']];
const EDGE_COLOURS = { money: '#1e6b34', communication: '#7b2cbf', event: '#8a5300', pivot: '#b8c0cc', link: '#9aa5b4' };

export async function render(root, ctx) {
  const start = ctx.query.get('entity') || '';
  const startCase = ctx.query.get('case') || '';
  const startOperation = ctx.query.get('operation') || '';
  const operationInput = h('input', { id: 'net-operation', name: 'operation', value: startOperation });
  const startInput = h('input', { id: 'net-start', name: 'entity', value: start, placeholder: t('network.startHint') });
  const hopsSel = select('hops', [['1', '1'], ['2', '2'], ['3', '3']], '1', { id: 'net-hops' });
  const caseInput = h('input', { id: 'net-case', name: 'case', value: startCase, placeholder: t('network.caseHint') });
  const colourSel = select('colour', ['community', 'role', 'agency', 'schema'].map((c) => [c, t(`network.colour.${c}`)]), 'agency', { id: 'net-colour' });
  const sizeSel = select('size', [['', t('network.size.none')], ...MEASURES.map((m) => [m, t(`measure.${m}`)])], '', { id: 'net-size' });
  const fromSel = h('select', { id: 'net-from' });
  const toSel = h('select', { id: 'net-to' });
  const strategySel = select('strategy', STRATEGIES.map((s) => [s, s === 'role' ? t('network.strategy.role') : t(`measure.${s}`)]), 'betweenness', { id: 'net-strategy' });
  const roleSel = select('role', ROLES.map((r) => [r, t(`role.${r}`)]), 'organiser', { id: 'net-role' });
  const orderSel = select('order', ORDERS.map((o) => [o, t(`measure.${o}`)]), 'degree', { id: 'net-order' });
  const roleFields = h('div', { id: 'net-role-fields', hidden: true }, field(t('network.role'), roleSel), field(t('network.order'), orderSel));
  const modeSel = select('mode', [['sequential', t('network.mode.sequential')], ['block', t('network.mode.block')]], 'sequential', { id: 'net-mode' });
  const sliderFrom = h('input', { type: 'range', id: 'net-time-from', min: 0, max: 0, value: 0, 'aria-label': t('network.periodFrom') });
  const sliderTo = h('input', { type: 'range', id: 'net-time-to', min: 0, max: 0, value: 0, 'aria-label': t('network.periodTo') });
  const periodText = h('p', { id: 'net-period', class: 'small' }, t('network.periodAll'));
  const status = h('div', { id: 'net-status', role: 'status' });
  const nodeList = h('ul', { id: 'net-nodes', class: 'small' });
  const keyList = h('ol', { id: 'net-key-players', class: 'small' });
  const curve = h('div', { id: 'net-curve' });
  const legend = h('div', { class: 'legend', id: 'net-legend' });
  const graphEl = h('div', { id: 'graph', role: 'img', 'aria-label': t('network.graphLabel') });

  const side = h('div', { class: 'side' },
    h('form', { class: 'card', id: 'net-start-form' }, field(t('network.start'), startInput), field(t('network.hops'), hopsSel),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('network.load')))),
    h('form', { class: 'card', id: 'net-case-form' }, field(t('network.case'), caseInput),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('network.loadCase')))),
    h('form', { class: 'card', id: 'net-operation-form' }, field(t('network.operation'), operationInput),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, t('network.loadOperation')))),
    h('div', { class: 'card' }, field(t('network.colourBy'), colourSel), field(t('network.sizeBy'), sizeSel), legend,
      h('h2', {}, t('network.keyPlayers')), keyList),
    h('div', { class: 'card' }, h('h2', {}, t('network.period')), sliderFrom, sliderTo, periodText),
    h('div', { class: 'card' }, h('h2', {}, t('network.path')), field(t('network.from'), fromSel), field(t('network.to'), toSel),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'net-path' }, t('network.findPath')),
        h('button', { type: 'button', class: 'secondary', id: 'net-all-paths' }, t('network.allPaths', { length: ALL_PATHS_LENGTH })))),
    h('div', { class: 'card' }, h('h2', {}, t('network.disruption')), field(t('network.strategy'), strategySel), roleFields, field(t('network.mode'), modeSel),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'net-disrupt' }, t('network.simulate')),
        h('button', { type: 'button', class: 'secondary', id: 'net-curve-png' }, t('network.chartPng'))), curve),
    h('div', { class: 'card' }, h('h2', {}, t('network.export')), h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'net-png' }, 'PNG'),
      EXPORTS.map(([f, ext]) => h('button', { type: 'button', class: 'secondary', id: `net-${f}`, onclick: () => exportAs(f, ext) }, f.toUpperCase())))),
    h('div', { class: 'card' }, h('h2', {}, t('network.nodes')), h('p', { class: 'small muted' }, t('network.nodesHint')), nodeList));
  clear(root, h('h1', {}, t('network.title')), status, h('div', { class: 'workbench' }, side, graphEl));

  const cy = cytoscape({
    container: graphEl,
    wheelSensitivity: 0.3,
    maxZoom: 1.6,
    minZoom: 0.1,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': 110, 'background-color': 'data(colour)',
        width: 'data(size)', height: 'data(size)', color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 3 } },
      { selector: 'node[schema = "Person"]', style: { shape: 'ellipse' } },
      { selector: 'node[schema != "Person"]', style: { shape: 'round-rectangle' } },
      { selector: 'node[kind = "pivot"]', style: { shape: 'diamond' } },
      { selector: 'node[merged > 1]', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#1b1f24' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'curve-style': 'bezier', 'target-arrow-shape': 'data(arrow)',
        'target-arrow-color': 'data(colour)', label: 'data(caption)', 'font-size': 8, color: '#4a5563', 'text-rotation': 'autorotate' } },
      { selector: 'edge[kind = "communication"]', style: { 'line-style': 'dashed' } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: 'node.key', style: { 'border-width': 5, 'border-color': '#a4161a' } },
      { selector: 'edge.path', style: { 'line-color': '#e09a00', 'target-arrow-color': '#e09a00', width: 5 } },
      { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#e09a00' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#12263f' } },
    ],
  });
  const show = (msg) => status.replaceChildren(msg);
  let months = [];

  function addElements(nodes, edges, truncated) {
    cy.batch(() => {
      for (const n of nodes) {
        const data = { ...n, label: n.caption || n.id, merged: (n.members || []).length };
        if (!cy.getElementById(n.id).nonempty()) cy.add({ group: 'nodes', data: { ...data, colour: '#1f5fbf', size: 26 } });
        else cy.getElementById(n.id).data(data);
        // A record now merged into another node (a confirmed hit) is drawn once.
        for (const m of n.members || []) if (m !== n.id && cy.getElementById(m).nonempty()) cy.getElementById(m).remove();
      }
      for (const e of edges) {
        if (!cy.getElementById(e.source).nonempty() || !cy.getElementById(e.target).nonempty()) continue;
        const id = e.id || `${e.source}>${e.target}:${e.label || ''}`;
        const data = { ...e, id, caption: edgeCaption(e), colour: EDGE_COLOURS[e.kind] || EDGE_COLOURS.link,
          width: Math.min(8, 1.5 + Math.log2(e.count || 1)), arrow: e.directed ? 'triangle' : 'none' };
        if (!cy.getElementById(id).nonempty()) cy.add({ group: 'edges', data });
        else cy.getElementById(id).data(data);
      }
    });
    restyle();
    cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, randomize: false }).run();
    refreshLists();
    refreshSlider();
    show(t(truncated ? 'network.truncated' : 'network.loaded', { nodes: cy.nodes().length, edges: cy.edges().length }));
  }

  function graphOf(g) {
    return { nodes: listOf(g, 'nodes').map(nodeOf), edges: listOf(g.edges || []).map(edgeOf), truncated: !!g.truncated };
  }

  async function expand(id) {
    show(t('common.loading'));
    try {
      const g = graphOf(await api.neighbourhood(id, Number(hopsSel.value)));
      addElements(g.nodes, g.edges, g.truncated);
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  async function loadCase(value) {
    const slash = value.indexOf('/');
    if (slash < 1) { status.replaceChildren(problemBox({ title: t('network.caseHint') })); return; }
    show(t('common.loading'));
    try {
      const g = graphOf(await api.caseNetwork(value.slice(0, slash), value.slice(slash + 1)));
      addElements(g.nodes, g.edges, g.truncated);
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  async function loadOperation(id) {
    show(t('common.loading'));
    try {
      const res = await api.operationNetwork(id, Number(hopsSel.value));
      const g = graphOf(res);
      addElements(g.nodes, g.edges, g.truncated);
      highlight(res.targets || []);
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  const ids = () => cy.nodes().map((n) => n.id());

  async function restyle() {
    const by = colourSel.value;
    let note = null;
    if (by === 'community' && cy.nodes().length) {
      try {
        const c = await api.communities(ids());
        cy.nodes().forEach((n) => n.data('community', c.communities[n.id()] ?? null));
        note = h('p', { class: 'small', id: 'net-modularity' }, t('network.modularity', { count: c.count, modularity: Number(c.modularity).toFixed(3), algorithm: c.algorithm === 'louvain' ? 'Louvain' : 'Leiden' }));
      } catch (e) {
        note = problemBox(e);
      }
    }
    if (by !== colourSel.value) return; // changed again while the communities were computed
    const keys = [...new Set(cy.nodes().map((n) => String(n.data(by) ?? '—')))].sort();
    const colourOf = Object.fromEntries(keys.map((k, i) => [k, PALETTE[i % PALETTE.length]]));
    cy.nodes().forEach((n) => n.data('colour', colourOf[String(n.data(by) ?? '—')]));
    // Roles by their names in the user's language, not their codes (moneyHandler).
    const name = (k) => (by === 'role' && ROLES.includes(k) ? t(`role.${k}`) : k);
    legend.replaceChildren(...keys.map((k) => h('div', { 'data-key': k }, h('span', { class: 'swatch', style: `background:${colourOf[k]}` }), name(k))), note || '');
  }

  function highlight(players) {
    cy.nodes().removeClass('key');
    keyList.replaceChildren(...players.map((id) => {
      const n = cy.getElementById(id);
      n.addClass('key');
      return h('li', {}, n.nonempty() ? n.data('label') : id);
    }));
  }

  async function resize() {
    const m = sizeSel.value;
    if (!m) { cy.nodes().forEach((n) => n.data('size', 26)); highlight([]); return; }
    try {
      const res = await api.measures(ids(), m);
      const scores = res.scores || {};
      const max = Math.max(1e-9, ...Object.values(scores).map(Number));
      cy.nodes().forEach((n) => n.data('size', 18 + 42 * (Number(scores[n.id()] || 0) / max)));
      highlight(res.keyPlayers || []);
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  function refreshLists() {
    const nodes = cy.nodes().sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
    // Nothing to ask about on an empty chart, and a path needs two records: those buttons wait.
    for (const b of ['net-disrupt', 'net-curve-png', 'net-png', ...EXPORTS.map(([f]) => `net-${f}`)]) root.querySelector(`#${b}`).disabled = !nodes.length;
    for (const b of ['net-path', 'net-all-paths']) root.querySelector(`#${b}`).disabled = nodes.length < 2;
    const opts = () => nodes.map((n) => h('option', { value: n.id() }, n.data('label')));
    const keepFrom = fromSel.value; const keepTo = toSel.value;
    fromSel.replaceChildren(...opts()); toSel.replaceChildren(...opts());
    if (keepFrom && cy.getElementById(keepFrom).nonempty()) fromSel.value = keepFrom;
    if (keepTo && cy.getElementById(keepTo).nonempty()) toSel.value = keepTo; else if (nodes.length > 1) toSel.selectedIndex = nodes.length - 1;
    // The id beside the name: analysts start charts and paths from ids.
    nodeList.replaceChildren(...nodes.map((n) => h('li', {}, n.data('kind') === 'pivot' ? n.data('label')
      : h('a', { href: `#/entity/${encodeURIComponent(n.id())}` }, n.data('label')),
    n.data('kind') !== 'pivot' && n.data('label') !== n.id() ? h('span', { class: 'small muted' }, ` ${n.id()}`) : null, ' ',
    h('button', { type: 'button', class: 'secondary small', 'aria-label': t('network.expandNode', { name: n.data('label') }), onclick: () => expand(n.id()) }, t('network.expand')))));
  }

  // The time slider: months from the earliest to the latest dated link; links outside are hidden
  // (undated links always show), as the API's from/to filters do.
  function refreshSlider() {
    const dates = [];
    cy.edges().forEach((e) => { if (e.data('first')) dates.push(e.data('first').slice(0, 7)); if (e.data('last')) dates.push(e.data('last').slice(0, 7)); });
    if (!dates.length) { months = []; sliderFrom.max = 0; sliderTo.max = 0; periodText.textContent = t('network.periodAll'); return; }
    dates.sort();
    months = monthsBetween(dates[0], dates[dates.length - 1]);
    sliderFrom.max = months.length - 1; sliderTo.max = months.length - 1;
    sliderFrom.value = 0; sliderTo.value = months.length - 1;
    applyPeriod();
  }

  function applyPeriod() {
    if (!months.length) return;
    let a = Number(sliderFrom.value); let b = Number(sliderTo.value);
    if (a > b) [a, b] = [b, a];
    const from = months[a]; const to = months[b];
    cy.batch(() => cy.edges().forEach((e) => {
      const first = (e.data('first') || e.data('last') || '').slice(0, 7);
      const last = (e.data('last') || e.data('first') || '').slice(0, 7);
      // A year-only date spans the year: from its January to its December.
      const low = first.length === 4 ? `${first}-01` : first;
      const high = last.length === 4 ? `${last}-12` : last;
      const inside = !first || (low <= to && high >= from);
      e.toggleClass('hidden', !inside);
    }));
    periodText.textContent = t('network.periodShown', { from, to, edges: cy.edges(':visible').length });
  }

  async function findPath() {
    cy.elements().removeClass('path');
    try {
      const p = await api.path(fromSel.value, toSel.value);
      if (p.found === false) { show(t('network.noPath')); return; }
      const g = { nodes: listOf(p, 'nodes').map(nodeOf), edges: listOf(p.edges || []).map(edgeOf) };
      addElements(g.nodes, g.edges, false);
      g.nodes.forEach((n) => cy.getElementById(n.id).addClass('path'));
      g.edges.forEach((e) => cy.getElementById(e.id).addClass('path'));
      show(t('network.pathFound', { length: Math.max(0, g.nodes.length - 1) }));
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  async function findAllPaths() {
    cy.elements().removeClass('path');
    try {
      const p = await api.allPaths(fromSel.value, toSel.value, ALL_PATHS_LENGTH);
      if (p.found === false) { show(t('network.noPath')); return; }
      const g = { nodes: listOf(p, 'nodes').map(nodeOf), edges: listOf(p.edges || []).map(edgeOf) };
      addElements(g.nodes, g.edges, false);
      g.nodes.forEach((n) => cy.getElementById(n.id).addClass('path'));
      g.edges.forEach((e) => cy.getElementById(e.id).addClass('path'));
      show(t('network.pathsFound', { count: (p.paths || []).length, length: ALL_PATHS_LENGTH }));
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  /** The simulation asked for: a centrality, or every record of a role ranked by a secondary order. */
  function disruptionOptions() {
    const o = { strategy: strategySel.value, mode: modeSel.value };
    if (strategySel.value === 'role') { o.role = roleSel.value; o.order = orderSel.value; }
    return o;
  }

  async function curvePng() {
    try {
      await download(api.disruptionPngUrl(ids(), disruptionOptions()), 'mirabella-disruption.png');
    } catch (e) {
      curve.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  async function disrupt() {
    try {
      const res = await api.disruptionBy(ids(), disruptionOptions());
      drawCurve(listOf(res, 'curve', 'steps'), res.removed || []);
      if ((res.keyPlayers || []).length) highlight(res.keyPlayers);
    } catch (e) {
      curve.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  function drawCurve(points, removed = []) {
    if (!points.length) { curve.replaceChildren(h('p', { class: 'muted' }, t('network.noCurve'))); return; }
    const W = 240; const H = 150; const P = 24;
    const maxX = Math.max(1, ...points.map((p) => p.removed));
    const xy = points.map((p) => [P + (W - P - 6) * (p.removed / maxX), H - P - (H - P - 6) * (p.lcc_ratio ?? p.lccRatio)]);
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`); svg.setAttribute('class', 'curve'); svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('network.curveLabel'));
    svg.innerHTML = `<line x1="${P}" y1="${H - P}" x2="${W}" y2="${H - P}" stroke="#4a5563"/><line x1="${P}" y1="0" x2="${P}" y2="${H - P}" stroke="#4a5563"/>`
      + `<polyline fill="none" stroke="#a4161a" stroke-width="2" points="${xy.map((p) => p.join(',')).join(' ')}"/>`
      + `<text x="${P}" y="${H - 6}" font-size="9">0</text><text x="${W - 20}" y="${H - 6}" font-size="9">${maxX}</text>`
      + `<text x="2" y="10" font-size="9">1.0</text>`;
    // The record removed before each row (a sequential or role run names each; a block names its last).
    const label = (id) => { const n = cy.getElementById(id); return n.nonempty() ? n.data('label') : id; };
    const rows = points.map((p) => h('tr', {}, h('td', {}, String(p.removed)), h('td', {}, Number(p.lcc_ratio ?? p.lccRatio).toFixed(3)),
      h('td', {}, p.components == null ? '' : String(p.components)), h('td', {}, p.efficiency == null ? '' : Number(p.efficiency).toFixed(3)),
      h('td', {}, p.removed > 0 && removed[p.removed - 1] ? label(removed[p.removed - 1]) : '')));
    curve.replaceChildren(svg, h('p', { class: 'small muted' }, t('network.curveCaption')),
      h('table', { class: 'small', id: 'net-curve-table' }, h('caption', { class: 'small muted' }, t('network.curveTable')),
        h('tr', {}, h('th', {}, t('network.removed')), h('th', {}, t('network.lccShare')), h('th', {}, t('network.components')),
          h('th', {}, t('network.efficiency')), h('th', {}, t('network.removedNode'))), rows));
  }

  async function exportAs(format, ext) {
    try {
      await withJustification(t('justification.purpose.export'), (j) => download(api.exportUrl(format, ids()), `mirabella-network.${ext}`, j));
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  root.querySelector('#net-start-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (startInput.value.trim()) expand(startInput.value.trim());
  });
  root.querySelector('#net-case-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (caseInput.value.trim()) loadCase(caseInput.value.trim());
  });
  colourSel.addEventListener('change', restyle);
  sizeSel.addEventListener('change', resize);
  sliderFrom.addEventListener('input', applyPeriod);
  sliderTo.addEventListener('input', applyPeriod);
  root.querySelector('#net-path').addEventListener('click', findPath);
  root.querySelector('#net-disrupt').addEventListener('click', disrupt);
  root.querySelector('#net-curve-png').addEventListener('click', curvePng);
  root.querySelector('#net-all-paths').addEventListener('click', findAllPaths);
  strategySel.addEventListener('change', () => { roleFields.hidden = strategySel.value !== 'role'; });
  root.querySelector('#net-operation-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (operationInput.value.trim()) loadOperation(operationInput.value.trim());
  });
  root.querySelector('#net-png').addEventListener('click', () => {
    const a = h('a', { href: cy.png({ full: true, scale: 2, bg: '#ffffff' }), download: 'mirabella-network.png' });
    document.body.append(a); a.click(); a.remove(); toast(t('network.pngSaved'));
  });
  cy.on('dbltap', 'node', (e) => { if (e.target.data('kind') !== 'pivot') expand(e.target.id()); });
  refreshLists();
  if (start) await expand(start);
  else if (startCase) await loadCase(startCase);
  else if (startOperation) await loadOperation(startOperation);
  else show(h('p', { class: 'muted' }, t('network.empty')));
  return () => cy.destroy();
}

function nodeOf(n) {
  const s = summary(n);
  return { id: s.id, caption: s.caption, schema: s.schema, agency: s.agency || '—', kind: n.kind || 'entity', members: n.members || [s.id],
    role: n.role || (n.properties && n.properties.role && n.properties.role[0]) || null, community: n.community ?? null };
}

function edgeOf(e) {
  return { id: e.id, source: e.source, target: e.target, label: e.label || e.schema || e.property || '', kind: e.kind || 'link',
    count: e.count || 1, first: e.first || null, last: e.last || null, totals: e.totals || null, directed: !!e.directed };
}

function edgeCaption(e) {
  const money = e.totals ? ` ${Object.entries(e.totals).map(([c, v]) => `${Math.round(v)} ${c}`).join(', ')}` : '';
  return `${e.label}${e.count > 1 ? ` ×${e.count}` : ''}${money}`;
}

function monthsBetween(a, b) {
  const out = [];
  let [y, m] = a.split('-').map(Number); m = m || 1;
  const [yb, mb0] = b.split('-').map(Number); const mb = mb0 || 12;
  while (y < yb || (y === yb && m <= mb)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1; if (m > 12) { m = 1; y += 1; }
    if (out.length > 1200) break;
  }
  return out;
}
