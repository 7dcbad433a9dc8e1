// What the screens know of the schema model and of the API's entity shapes, fetched once and cached.
import { api } from './api.js';

const schemaCache = new Map();
let schemataList = null;

export async function schemata() {
  if (!schemataList) schemataList = await api.schemata();
  return schemataList;
}

/** One schema with all its properties (label, type, range), cached. */
export async function schema(name) {
  if (!schemaCache.has(name)) schemaCache.set(name, api.schema(name).catch((e) => { schemaCache.delete(name); throw e; }));
  return schemaCache.get(name);
}

export function propertyLabel(s, property) {
  return (s && s.properties && s.properties[property] && s.properties[property].label) || property;
}

export function propertyType(s, property) {
  return (s && s.properties && s.properties[property] && s.properties[property].type) || 'string';
}

const first = (v) => (Array.isArray(v) ? v[0] : v);

/** A search result or entity summary in one shape, whatever the endpoint calls its fields. */
export function summary(r) {
  const props = r.properties || {};
  return {
    id: r.id,
    schema: r.schema,
    caption: r.caption || r.name || first(props.name) || r.id,
    agency: r.agency || r.owner,
    case: r.case || r.caseRef,
    handling: r.handling || (r.provenance && r.provenance.handling),
    grading: r.grading || (r.provenance && r.provenance.grading),
    category: r.category,
    countries: r.countries || [].concat(props.nationality || [], props.country || [], props.jurisdiction || []),
    dates: r.dates || [].concat(props.birthDate || [], props.date || [], props.startDate || []),
    score: r.score,
    matched: r.matched || r.highlight || r.matchedNames,
    hidden: r.hidden || r.restricted,
  };
}

/** The list out of a list answer, whether it is a bare array or {results|items|hits|…: [...]}. */
export function listOf(answer, ...keys) {
  if (Array.isArray(answer)) return answer;
  for (const k of [...keys, 'results', 'items', 'entities', 'data']) if (answer && Array.isArray(answer[k])) return answer[k];
  return [];
}

export function totalOf(answer, list) {
  return (answer && (answer.total ?? answer.count)) ?? list.length;
}
