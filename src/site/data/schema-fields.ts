/**
 * Zod schemas as readable field lists, for the /data/ page: the schema that
 * validates a published file is the one that documents it, so the two cannot
 * drift apart.
 *
 * A file's schema is shown as its named types: each object as a table of
 * fields (name, type, note), each union as its variants. Types are named by
 * the caller (`names`, in the order they are listed); an unnamed object gets
 * the name of the field that holds it (`Plan.preface`) and follows its holder. A field's note is the schema's `.describe()`
 * text, else the caller's note for `Type.field`.
 *
 * Pure: reads schemas, returns data. Handles the zod 3 types the published
 * schemas use (objects, arrays, unions, literals, enums, strings, numbers,
 * booleans, nullable, optional, refinements).
 */
import type { ZodTypeAny } from 'zod';

/** One field of an object type. */
export interface FieldDoc {
  name: string;
  /** `integer ≥ 1`, `string`, `Inline[]`, `Block[] | null`, `"paragraph"`. */
  type: string;
  note: string;
}

/** A named type of a schema: an object with fields, or a union of variants. */
export type TypeDoc =
  | { kind: 'object'; name: string; fields: FieldDoc[] }
  | { kind: 'union'; name: string; variants: string[] };

/** A schema described: the type of the whole file, and every named type it uses, in order of first use. */
export interface SchemaDoc {
  root: string;
  types: TypeDoc[];
}

interface Def {
  typeName: string;
  [key: string]: unknown;
}

const defOf = (schema: ZodTypeAny): Def => schema._def as Def;

/** Strips refinements and lazy wrappers down to the schema that has the shape. */
function unwrap(schema: ZodTypeAny): ZodTypeAny {
  const def = defOf(schema);
  if (def.typeName === 'ZodEffects') return unwrap(def.schema as ZodTypeAny);
  if (def.typeName === 'ZodLazy') return unwrap((def.getter as () => ZodTypeAny)());
  return schema;
}

function numberType(def: Def): string {
  const checks = (def.checks as { kind: string; value?: number; inclusive?: boolean }[]) ?? [];
  const base = checks.some((c) => c.kind === 'int') ? 'integer' : 'number';
  const min = checks.find((c) => c.kind === 'min');
  const max = checks.find((c) => c.kind === 'max');
  if (min && max) return `${base} ${min.value}–${max.value}`;
  if (min) return `${base} ${min.inclusive === false ? '>' : '≥'} ${min.value}`;
  if (max) return `${base} ${max.inclusive === false ? '<' : '≤'} ${max.value}`;
  return base;
}

/**
 * The named types of `root`, with `names` naming the schemas that are types
 * of their own (`blockSchema` → `Block`) and `notes` giving the note of a
 * field as `Type.field` where the schema has no description.
 */
export function describeSchema(root: ZodTypeAny, names: ReadonlyMap<ZodTypeAny, string>, notes: Readonly<Record<string, string>> = {}): SchemaDoc {
  const types: TypeDoc[] = [];
  const seen = new Map<ZodTypeAny, string>();
  const queue: [ZodTypeAny, string][] = [];

  const nameOf = (schema: ZodTypeAny, fallback: string): string => {
    const known = seen.get(schema);
    if (known) return known;
    const name = names.get(schema) ?? fallback;
    seen.set(schema, name);
    queue.push([schema, name]);
    return name;
  };

  /** The type of `schema` as written in a field list; `where` names an unnamed object. */
  const expression = (raw: ZodTypeAny, where: string): string => {
    const named = names.get(raw);
    const schema = unwrap(raw);
    const def = defOf(schema);
    switch (def.typeName) {
      case 'ZodString':
        return 'string';
      case 'ZodNumber':
        return numberType(def);
      case 'ZodBoolean':
        return 'boolean';
      case 'ZodLiteral':
        return JSON.stringify(def.value);
      case 'ZodEnum':
        return (def.values as string[]).map((v) => JSON.stringify(v)).join(' | ');
      case 'ZodNullable':
        return `${expression(def.innerType as ZodTypeAny, where)} | null`;
      case 'ZodOptional':
        return `${expression(def.innerType as ZodTypeAny, where)}（可省略）`;
      case 'ZodArray': {
        const inner = expression(def.type as ZodTypeAny, where);
        return /[ |]/.test(inner) ? `(${inner})[]` : `${inner}[]`;
      }
      case 'ZodObject':
        return nameOf(named ? raw : schema, named ?? where);
      case 'ZodUnion':
      case 'ZodDiscriminatedUnion': {
        if (named) return nameOf(raw, named);
        return (def.options as ZodTypeAny[]).map((o, i) => expression(o, `${where}.${i + 1}`)).join(' | ');
      }
      default:
        throw new Error(`describeSchema: no description for ${def.typeName} at ${where}`);
    }
  };

  const rootName = names.get(root);
  const rootExpression = rootName ? nameOf(root, rootName) : expression(root, 'Root');
  while (queue.length > 0) {
    const [raw, name] = queue.shift()!;
    const schema = unwrap(raw);
    const def = defOf(schema);
    if (def.typeName === 'ZodObject') {
      const shape = (def.shape as () => Record<string, ZodTypeAny>)();
      types.push({
        kind: 'object',
        name,
        fields: Object.entries(shape).map(([field, fieldSchema]) => ({
          name: field,
          type: expression(fieldSchema, `${name}.${field}`),
          note: fieldSchema.description ?? unwrap(fieldSchema).description ?? notes[`${name}.${field}`] ?? '',
        })),
      });
    } else {
      const options = def.options as ZodTypeAny[];
      types.push({ kind: 'union', name, variants: options.map((o, i) => expression(o, `${name}.${i + 1}`)) });
    }
  }
  // Types in the order the caller named them; an unnamed one right after the type that holds it.
  const order = [...names.values()];
  const rank = (name: string) => {
    const at = order.indexOf(name);
    return at >= 0 ? at : order.indexOf(name.split('.')[0]!) + 0.5;
  };
  types.sort((a, b) => rank(a.name) - rank(b.name));
  return { root: rootExpression, types };
}
