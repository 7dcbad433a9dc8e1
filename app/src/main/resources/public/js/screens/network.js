// The network chart (Cytoscape.js): start from an entity or a case, expand neighbours, find a path
// between two entities, colour by community / role / agency / schema, size by a measure, run a
// disruption simulation and see its curve, export PNG, GraphML, GEXF and i2 ANX.
import cytoscape from 'cytoscape';
import { t } from '../i18n.js';
import { api, download } from '../api.js';
import { h, clear, field, select, problemBox, isMissingApi, pendingApi, withJustification, toast } from '../ui.js';
import { schema as loadSchema, propertyType, summary, listOf } from '../model.js';

const PALETTE = ['#1f5fbf', '#b03a00', '#1e6b34', '#7b2cbf', '#a4161a', '#006d77', '#8a5300', '#c9184a', '#3a506b', '#2b9348'];
const MEASURES = ['degree', 'betweenness', 'pagerank', 'katz', 'eigenvector', 'closeness'];
const STRATEGIES = ['betweenness', 'degree', 'katz', 'ci'];
const EXPORTS = [['graphml', 'graphml'], ['gexf', 'gexf'], ['anx', 'anx']];

export async function render(root, ctx) {
  const start = ctx.query.get('entity') || '';
  const startInput = h('input', { id: 'net-start', name: 'entity', value: start, placeholder: t('network.startHint') });
  const colourSel = select('colour', ['community', 'role', 'agency', 'schema'].map((c) => [c, t(`network.colour.${c}`)]), 'agency', { id: 'net-colour' });
  const sizeSel = select('size', [['', t('network.size.none')], ...MEASURES.map((m) => [m, t(`measure.${m}`)])], '', { id: 'net-size' });
  const fromSel = h('select', { id: 'net-from' });
  const toSel = h('select', { id: 'net-to' });
  const strategySel = select('strategy', STRATEGIES.map((s) => [s, t(`measure.${s}`)]), 'betweenness', { id: 'net-strategy' });
  const modeSel = select('mode', [['sequential', t('network.mode.sequential')], ['block', t('network.mode.block')]], 'sequential', { id: 'net-mode' });
  const status = h('div', { id: 'net-status', role: 'status' });
  const nodeList = h('ul', { id: 'net-nodes', class: 'small' });
  const curve = h('div', { id: 'net-curve' });
  const legend = h('div', { class: 'legend', id: 'net-legend' });
  const graphEl = h('div', { id: 'graph', role: 'img', 'aria-label': t('network.graphLabel') });

  const side = h('div', { class: 'side' },
    h('form', { class: 'card', id: 'net-start-form' }, field(t('network.start'), startInput),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('network.load')))),
    h('div', { class: 'card' }, field(t('network.colourBy'), colourSel), field(t('network.sizeBy'), sizeSel), legend),
    h('div', { class: 'card' }, h('h2', {}, t('network.path')), field(t('network.from'), fromSel), field(t('network.to'), toSel),
      h('button', { type: 'button', id: 'net-path' }, t('network.findPath'))),
    h('div', { class: 'card' }, h('h2', {}, t('network.disruption')), field(t('network.strategy'), strategySel), field(t('network.mode'), modeSel),
      h('button', { type: 'button', id: 'net-disrupt' }, t('network.simulate')), curve),
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
      { selector: 'edge', style: { width: 1.5, 'line-color': '#9aa5b4', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#9aa5b4',
        label: 'data(label)', 'font-size': 8, color: '#4a5563', 'text-rotation': 'autorotate' } },
      { selector: 'edge.path', style: { 'line-color': '#e09a00', 'target-arrow-color': '#e09a00', width: 5 } },
      { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#e09a00' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#12263f' } },
    ],
  });
  const schemaCache = {};
  const show = (msg) => status.replaceChildren(msg);

  function addElements(nodes, edges) {
    cy.batch(() => {
      for (const n of nodes) {
        if (!cy.getElementById(n.id).nonempty()) cy.add({ group: 'nodes', data: { ...n, label: n.caption || n.id, colour: '#1f5fbf', size: 26 } });
        else cy.getElementById(n.id).data({ ...n, label: n.caption || n.id });
      }
      for (const e of edges) {
        if (!cy.getElementById(e.source).nonempty() || !cy.getElementById(e.target).nonempty()) continue;
        const id = e.id || `${e.source}>${e.target}:${e.label || ''}`;
        if (!cy.getElementById(id).nonempty()) cy.add({ group: 'edges', data: { ...e, id } });
      }
    });
    restyle();
    cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, randomize: false }).run();
    refreshLists();
  }

  /** The neighbourhood of one entity: the network API when there, else the entity's own links. */
  async function neighbourhood(id) {
    try {
      const g = await api.neighbourhood(id, 1);
      return { nodes: listOf(g, 'nodes').map(nodeOf), edges: listOf(g.edges || []).map(edgeOf) };
    } catch (e) {
      if (!isMissingApi(e)) throw e;
    }
    const ent = await withJustification(t('justification.purpose.profile'), (j) => api.entity(id, j));
    const s = schemaCache[ent.schema] || (schemaCache[ent.schema] = await loadSchema(ent.schema).catch(() => null));
    const nodes = [nodeOf(ent)];
    const edges = [];
    for (const [p, values] of Object.entries(ent.properties || {})) {
      if (propertyType(s, p) !== 'entity') continue;
      for (const v of values) {
        nodes.push({ id: v, caption: v, schema: '' });
        edges.push({ source: ent.id, target: v, label: p });
      }
    }
    for (const l of listOf(ent.links || [])) {
      const other = summary(l.entity || l);
      nodes.push(nodeOf(l.entity || l));
      edges.push(l.direction === 'in' ? { source: other.id, target: ent.id, label: l.property } : { source: ent.id, target: other.id, label: l.property });
    }
    return { nodes, edges };
  }

  async function expand(id) {
    show(t('common.loading'));
    try {
      const g = await neighbourhood(id);
      addElements(g.nodes, g.edges);
      show(t('network.loaded', { nodes: cy.nodes().length, edges: cy.edges().length }));
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  function restyle() {
    const by = colourSel.value;
    const keys = [...new Set(cy.nodes().map((n) => String(n.data(by) ?? '—')))].sort();
    const colourOf = Object.fromEntries(keys.map((k, i) => [k, PALETTE[i % PALETTE.length]]));
    cy.nodes().forEach((n) => n.data('colour', colourOf[String(n.data(by) ?? '—')]));
    legend.replaceChildren(...keys.map((k) => h('div', {}, h('span', { class: 'swatch', style: `background:${colourOf[k]}` }), k)));
  }

  async function resize() {
    const m = sizeSel.value;
    if (!m) { cy.nodes().forEach((n) => n.data('size', 26)); return; }
    let scores = null;
    try {
      scores = await api.measures(cy.nodes().map((n) => n.id()), m);
      scores = scores.scores || scores;
    } catch (e) {
      if (!(isMissingApi(e) && m === 'degree')) { status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e)); return; }
      scores = Object.fromEntries(cy.nodes().map((n) => [n.id(), n.degree()]));
    }
    const max = Math.max(1e-9, ...Object.values(scores).map(Number));
    cy.nodes().forEach((n) => n.data('size', 18 + 42 * (Number(scores[n.id()] || 0) / max)));
  }

  function refreshLists() {
    const nodes = cy.nodes().sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
    const opts = () => nodes.map((n) => h('option', { value: n.id() }, n.data('label')));
    const keepFrom = fromSel.value; const keepTo = toSel.value;
    fromSel.replaceChildren(...opts()); toSel.replaceChildren(...opts());
    if (keepFrom) fromSel.value = keepFrom;
    if (keepTo) toSel.value = keepTo; else if (nodes.length > 1) toSel.selectedIndex = nodes.length - 1;
    nodeList.replaceChildren(...nodes.map((n) => h('li', {}, h('a', { href: `#/entity/${encodeURIComponent(n.id())}` }, n.data('label')), ' ',
      h('button', { type: 'button', class: 'secondary small', 'aria-label': t('network.expandNode', { name: n.data('label') }), onclick: () => expand(n.id()) }, t('network.expand')))));
  }

  async function findPath() {
    cy.elements().removeClass('path');
    try {
      const p = await api.path(fromSel.value, toSel.value);
      const g = { nodes: listOf(p, 'nodes').map(nodeOf), edges: listOf(p.edges || []).map(edgeOf) };
      addElements(g.nodes, g.edges);
      g.nodes.forEach((n) => cy.getElementById(n.id).addClass('path'));
      g.edges.forEach((e) => cy.edges(`[source = "${e.source}"][target = "${e.target}"]`).addClass('path'));
      show(t('network.pathFound', { length: Math.max(0, g.nodes.length - 1) }));
    } catch (e) {
      if (!isMissingApi(e)) { status.replaceChildren(problemBox(e)); return; }
      // Without the network API: the path within the chart as drawn.
      const d = cy.elements().dijkstra({ root: cy.getElementById(fromSel.value), directed: false });
      const path = d.pathTo(cy.getElementById(toSel.value));
      if (path.length === 0 || d.distanceTo(cy.getElementById(toSel.value)) === Infinity) { show(t('network.noPath')); return; }
      path.addClass('path');
      show(t('network.pathFoundLocal', { length: path.nodes().length - 1 }));
    }
  }

  async function disrupt() {
    try {
      const res = await api.disruption(cy.nodes().map((n) => n.id()), strategySel.value, modeSel.value);
      drawCurve(listOf(res, 'curve', 'steps'));
    } catch (e) {
      curve.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  function drawCurve(points) {
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
    curve.replaceChildren(svg, h('p', { class: 'small muted' }, t('network.curveCaption')));
  }

  async function exportAs(format, ext) {
    try {
      await withJustification(t('justification.purpose.export'), (j) => download(api.exportUrl(format, cy.nodes().map((n) => n.id())), `mirabella-network.${ext}`, j));
    } catch (e) {
      status.replaceChildren(isMissingApi(e) ? pendingApi('network', e) : problemBox(e));
    }
  }

  root.querySelector('#net-start-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (startInput.value.trim()) expand(startInput.value.trim());
  });
  colourSel.addEventListener('change', restyle);
  sizeSel.addEventListener('change', resize);
  root.querySelector('#net-path').addEventListener('click', findPath);
  root.querySelector('#net-disrupt').addEventListener('click', disrupt);
  root.querySelector('#net-png').addEventListener('click', () => {
    const a = h('a', { href: cy.png({ full: true, scale: 2, bg: '#ffffff' }), download: 'mirabella-network.png' });
    document.body.append(a); a.click(); a.remove(); toast(t('network.pngSaved'));
  });
  cy.on('dbltap', 'node', (e) => expand(e.target.id()));
  if (start) await expand(start);
  else show(h('p', { class: 'muted' }, t('network.empty')));
  return () => cy.destroy();
}

function nodeOf(n) {
  const s = summary(n);
  return { id: s.id, caption: s.caption, schema: s.schema, agency: s.agency, role: n.role || (n.properties && n.properties.role && n.properties.role[0]),
    community: n.community ?? null };
}

function edgeOf(e) {
  return { id: e.id, source: e.source, target: e.target, label: e.label || e.schema || e.property || '' };
}
