// The one way the UI talks to Mirabella's REST API. The bearer token is kept in sessionStorage (gone
// when the tab closes). Every failure is an ApiError carrying the server's Problem JSON
// {type, title, status, detail, errors}; network failures are turned into the same shape.
const TOKEN_KEY = 'mirabella.token';

export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
    this.status = problem.status;
  }
  /** The server wants a justification (Law Enforcement Directive) before it answers. */
  get needsJustification() {
    return !!(this.problem.errors && this.problem.errors.justification) || this.status === 428;
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (t) => sessionStorage.setItem(TOKEN_KEY, t),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

function url(path, query) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => u.searchParams.append(k, x));
    else u.searchParams.set(k, v);
  }
  return u.pathname + u.search;
}

export async function request(method, path, { query, body, justification, raw } = {}) {
  const headers = { Accept: 'application/json' };
  const t = token.get();
  if (t) headers.Authorization = `Bearer ${t}`;
  if (justification) headers['X-Justification'] = justification;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError({ title: 'Network error', status: 0, detail: String(e.message || e), errors: {} });
  }
  if (!res.ok) {
    let problem;
    try {
      problem = await res.json();
    } catch {
      problem = {};
    }
    problem = { title: problem.title || res.statusText || 'Error', status: problem.status || res.status,
      detail: problem.detail || '', errors: problem.errors || {}, type: problem.type };
    if (res.status === 401 && path !== '/api/login') {
      token.clear();
      window.dispatchEvent(new CustomEvent('mirabella:unauthorized'));
    }
    throw new ApiError(problem);
  }
  if (raw) return res;
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

const get = (path, query, opts = {}) => request('GET', path, { query, ...opts });
const post = (path, body, opts = {}) => request('POST', path, { body, ...opts });
const enc = encodeURIComponent;

/**
 * One function per endpoint: the only place that knows paths and parameter names, so a contract
 * change touches this file alone. Paths follow each feature branch's openapi.yaml.
 */
export const api = {
  health: () => get('/api/health'),
  agencies: () => get('/api/agencies'),
  schemata: () => get('/api/schemata'),
  schema: (name) => get(`/api/schemata/${enc(name)}`),

  // access, audit, hits (branch access: see its openapi.yaml)
  login: (user, password) => post('/api/login', { user, password }),
  logout: () => post('/api/logout', {}),
  me: () => get('/api/me'),
  entities: (query, justification) => get('/api/entities', query, { justification }),
  entity: (id, justification) => get(`/api/entities/${enc(id)}`, {}, { justification }),
  audit: (query) => get('/api/audit', query),

  hits: (query) => get('/api/hits', query),
  hit: (ref) => get(`/api/hits/${enc(ref)}`),
  judge: (ref, judgement, reason) => post(`/api/hits/${enc(ref)}/judgements`, { judgement, reason }),
  requestDetails: (ref, justification) => post(`/api/hits/${enc(ref)}/requests`, { justification }),
  /** decision: all | part (with properties) | refuse (with a reason). */
  answer: (ref, requestId, decision, properties, reason) => post(`/api/hits/${enc(ref)}/requests/${enc(requestId)}/answer`, { decision, properties, reason }),
  refuse: (ref, requestId, reason) => post(`/api/hits/${enc(ref)}/requests/${enc(requestId)}/answer`, { decision: 'refuse', reason }),
  revoke: (ref, requestId, reason) => post(`/api/hits/${enc(ref)}/requests/${enc(requestId)}/revoke`, { reason }),
  hitMessage: (ref, body, handling, handlingCondition) => post(`/api/hits/${enc(ref)}/messages`, { body, handling, handlingCondition }),
  caseMessages: (agency, ref) => get(`/api/cases/${enc(agency)}/${enc(ref)}/messages`),
  caseMessage: (agency, ref, body, handling, handlingCondition) => post(`/api/cases/${enc(agency)}/${enc(ref)}/messages`, { body, handling, handlingCondition }),

  // search (matching)
  search: (query, justification) => get('/api/search', query, { justification }),

  // network analysis
  neighbourhood: (id, hops = 1) => get(`/api/network/entities/${enc(id)}/neighbourhood`, { hops }),
  caseNetwork: (agency, ref) => get(`/api/network/cases/${enc(agency)}/${enc(ref)}`),
  path: (from, to) => get('/api/network/path', { from, to }),
  measures: (ids, measure) => post('/api/network/measures', { entities: ids, measure }),
  communities: (ids) => post('/api/network/communities', { entities: ids }),
  disruption: (ids, strategy, mode) => post('/api/network/disruption', { entities: ids, strategy, mode }),
  exportUrl: (format, ids) => url(`/api/network/export/${enc(format)}`, { entity: ids }),
  disruptionBy: (ids, options) => post('/api/network/disruption', { entities: ids, ...options }),
  disruptionPngUrl: (ids, options) => url('/api/network/disruption.png', { entity: ids, ...options }),
  allPaths: (from, to, k) => get('/api/network/path', { from, to, k, all: true }),
  operationNetwork: (id, hops = 1) => get(`/api/network/operations/${enc(id)}`, { hops }),

  // map, routes, joint action days (branch actions: see its openapi.yaml)
  mapEvents: (query) => get('/api/map/events', query),
  routes: (period) => get('/api/routes', { period }),
  cases: () => get('/api/cases'),
  operations: (period) => get('/api/operations', { period }),
  operation: (id) => get(`/api/operations/${enc(id)}`),
  createOperation: (op) => post('/api/operations', op),
  operationStatus: (id, status) => request('PUT', `/api/operations/${enc(id)}/status`, { body: { status } }),
  addTask: (id, task) => post(`/api/operations/${enc(id)}/tasks`, task),
  taskStatus: (id, task, status) => request('PUT', `/api/operations/${enc(id)}/tasks/${enc(task)}`, { body: { status } }),
  logEntry: (id, message) => post(`/api/operations/${enc(id)}/log`, { message }),
  addOutcome: (id, outcome) => post(`/api/operations/${enc(id)}/outcomes`, outcome),
  outcomeTotals: (id) => get(`/api/operations/${enc(id)}/outcomes/totals`),
  // the person across agencies: the record and the other agencies' records of it by confirmed hits
  merged: (id, justification) => get(`/api/entities/${enc(id)}/merged`, {}, { justification }),
  // one page of the hits inbox ({limit, offset}) with the number of all hits (X-Total-Count)
  hitsPage: async (query) => {
    const res = await get('/api/hits', query, { raw: true });
    const hits = await res.json();
    const total = Number(res.headers.get('X-Total-Count'));
    return { hits, total: Number.isFinite(total) ? total : hits.length };
  },
};

/** Downloads an API resource with the bearer token (exports): fetches it, then saves it as a file. */
export async function download(path, filename, justification) {
  const res = await request('GET', path, { raw: true, justification });
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
