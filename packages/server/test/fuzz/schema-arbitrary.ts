// JSON Schema (2020-12, the subset zod emits into the OpenAPI document) → a fast-check arbitrary of values the
// schema accepts. Written by hand: the JSON-Schema-to-fast-check packages on npm target fast-check 1–3 or zod 3,
// and json-schema-faker has no shrinking or seeded replay. Refinements zod cannot express (a model_version from a
// table, exactly one file source) are not in the schema, so "valid" here means valid for the document.
import fc from 'fast-check';

export type JsonSchema = Record<string, any>;

export interface SchemaContext {
  /** the document, for `#/components/...` references */
  root: JsonSchema;
  /** values worth trying where the schema has only "string": ids of real tasks, files, webhooks */
  knownStrings: string[];
  /** arbitraries already built, per schema object (building one parses regexes, resolves refs) */
  built?: WeakMap<JsonSchema, fc.Arbitrary<unknown>>;
}

const MAX_DEPTH = 6;

export function arbitraryOf(schema: JsonSchema | undefined, context: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > MAX_DEPTH) return fc.constant({});
  context.built ??= new WeakMap();
  let arbitrary = context.built.get(schema);
  if (!arbitrary) {
    arbitrary = buildArbitrary(schema, context, depth);
    context.built.set(schema, arbitrary);
  }
  return arbitrary;
}

function buildArbitrary(schema: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryOf(resolveRef(schema.$ref, context.root), context, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(choices))
    return fc.oneof(...choices.map((choice: JsonSchema) => arbitraryOf(choice, context, depth + 1)));
  if (Array.isArray(schema.allOf)) return arbitraryOf(Object.assign({}, ...schema.allOf), context, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? undefined : [schema.type];
  if (!type) return jsonValue();
  return fc.oneof(...type.map((one: string) => arbitraryOfType(one, schema, context, depth)));
}

function arbitraryOfType(
  type: string,
  schema: JsonSchema,
  context: SchemaContext,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
      });
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1e6 : schema.exclusiveMinimum + 1e-6);
      const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1e6 : schema.exclusiveMaximum - 1e-6);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'string':
      return stringOf(schema, context);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? minLength + 4, minLength + 4);
      return fc.array(arbitraryOf(schema.items, context, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectOf(schema, context, depth);
    default:
      return jsonValue();
  }
}

function stringOf(schema: JsonSchema, context: SchemaContext): fc.Arbitrary<string> {
  if (schema.format === 'binary') return fc.string({ maxLength: 16 });
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40);
  if (schema.pattern)
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length >= minLength && text.length <= (schema.maxLength ?? Infinity));
  const text = fc.string({ minLength, maxLength, unit: 'grapheme' });
  const known = context.knownStrings.filter(
    (value) => value.length >= minLength && value.length <= (schema.maxLength ?? Infinity),
  );
  return known.length > 0
    ? fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom(...known) })
    : text;
}

function objectOf(schema: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties: Record<string, JsonSchema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const entries = Object.entries(properties);
  if (entries.length === 0) {
    if (schema.additionalProperties === false) return fc.constant({});
    return fc.dictionary(
      fc.string({ minLength: 1, maxLength: 12 }),
      arbitraryOf(schema.additionalProperties, context, depth + 1),
      { maxKeys: 3 },
    );
  }
  const record = Object.fromEntries(
    entries.map(([name, property]) => [name, arbitraryOf(property, context, depth + 1)]),
  );
  return fc.record(record, { requiredKeys: [...required].filter((name) => name in properties) });
}

/** Any JSON value, small. */
export function jsonValue(): fc.Arbitrary<unknown> {
  return fc.jsonValue({ maxDepth: 2 });
}

export function resolveRef(reference: string, root: JsonSchema): JsonSchema {
  if (!reference.startsWith('#/')) throw new Error(`unsupported $ref ${reference}`);
  return reference
    .slice(2)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node: JsonSchema, segment) => node?.[segment], root);
}
