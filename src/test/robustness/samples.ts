/**
 * Plausible values derived from an operation's JSON schema (enum → first value, pattern → a known example…), wrong
 * values of each type, and walks over a sample's leaves so that one fault can be put in every field at once.
 */
import type { JsonSchema, Operation } from './openapi';

/** Real rows of the demo data, so that a request with one fault otherwise reaches real records. */
export type Fixtures = {
  bodyLimitBytes: number;
  unitId: string;
  userId: string;
  /** A proposal in draft (editable) and one past draft (approved): the routes treat them differently. */
  proposalId: string;
  lockedProposalId: string;
  conditionId: string;
  regimeId: string;
  procedureCode: string;
};

/** Examples tried, in order, against a string pattern. */
export const PATTERN_EXAMPLES = [
  '2026-03-02',
  '08:00',
  '06-15',
  '1.001193',
  '00.00.H99.99',
  'robustness.user',
  '0912 345 678',
  '001234567890',
  '0123456789',
  'robustness@example.vn',
];

export function nonNullOption(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return schema;
  return options.find((option) => option.type !== 'null') ?? options[0]!;
}

export function typeOf(schema: JsonSchema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

const isFreeString = (schema: JsonSchema) => typeOf(schema) === 'string' && !schema.enum && !schema.pattern && !schema.format;

/** A calendar date field (YYYY-MM-DD): its pattern takes a real date and, being a pattern, an impossible one too. */
export function isDateSchema(input: JsonSchema): boolean {
  const schema = nonNullOption(input);
  if (typeOf(schema) !== 'string') return false;
  if (schema.format === 'date') return true;
  if (!schema.pattern) return false;
  const pattern = new RegExp(schema.pattern);
  return pattern.test('2026-03-02') && !pattern.test('2026-03-02x');
}

/** `uuid`: the identifier a uuid field gets (a real record's, so that only the intended fault remains). */
export function sampleString(schema: JsonSchema, uuid: string, examples = PATTERN_EXAMPLES): string {
  if (schema.format === 'uuid') return uuid;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const example = examples.find((candidate) => pattern.test(candidate));
    if (example) return example;
  }
  const words = 'Kiểm thử độ bền';
  const length = Math.max(schema.minLength ?? 0, words.length);
  const text = `${words} `
    .repeat(Math.ceil(length / words.length))
    .slice(0, length)
    .padEnd(length, '.');
  return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
}

function sampleNumber(schema: JsonSchema): number {
  let value = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
  if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
  return value;
}

/** A plausible value for a schema: every documented property is present. */
export function sampleValue(input: JsonSchema, fixtures: Fixtures): unknown {
  const schema = nonNullOption(input);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'string':
      return sampleString(schema, fixtures.unitId);
    case 'integer':
    case 'number':
      return sampleNumber(schema);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return schema.items ? [sampleValue(schema.items, fixtures)] : [];
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, child]) => [key, sampleValue(child, fixtures)]));
    default:
      return 'abc';
  }
}

/** The plausible body of an operation, as an object (an empty one when it takes none). */
export function bodySample(operation: Operation, fixtures: Fixtures): Record<string, unknown> {
  const sample = operation.bodySchema ? sampleValue(operation.bodySchema, fixtures) : {};
  return sample && typeof sample === 'object' && !Array.isArray(sample) ? (sample as Record<string, unknown>) : {};
}

/** A value of the wrong type: numbers → 'abc', strings → {}, arrays → 42, booleans → 'yes', objects → []. */
export function wrongTypeValue(input: JsonSchema): unknown {
  const schema = nonNullOption(input);
  if (schema.enum?.length || schema.const !== undefined) {
    const first = schema.enum?.[0] ?? schema.const;
    return typeof first === 'string' ? {} : 'abc';
  }
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      return 'abc';
    case 'string':
      return {};
    case 'array':
      return 42;
    case 'boolean':
      return 'yes';
    case 'object':
      return [];
    default:
      return 'abc';
  }
}

export const KEEP = Symbol('keep');

/** Walks a sample built from `input` and replaces each leaf by `replace(leaf schema)`, unless that returns KEEP. */
export function mapLeaves(input: JsonSchema, value: unknown, replace: (schema: JsonSchema) => unknown | typeof KEEP): unknown {
  const schema = nonNullOption(input);
  const type = schema.enum || schema.const !== undefined ? 'enum' : typeOf(schema);
  if (type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        schema.properties?.[key] ? mapLeaves(schema.properties[key]!, child, replace) : child,
      ]),
    );
  }
  if (type === 'array' && Array.isArray(value) && schema.items) return value.map((child) => mapLeaves(schema.items!, child, replace));
  const replaced = replace(schema);
  return replaced === KEEP ? value : replaced;
}

export function countLeaves(value: unknown, predicate: (leaf: unknown) => boolean): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, child) => sum + countLeaves(child, predicate), 0);
  if (value && typeof value === 'object')
    return Object.values(value).reduce<number>((sum, child) => sum + countLeaves(child, predicate), 0);
  return predicate(value) ? 1 : 0;
}

/**
 * The plausible body with `fault` in every leaf that `applies` to, as JSON text; undefined when no leaf does (the
 * case would not differ from the plausible body). `encode` turns the mapped value into text (JSON.stringify).
 */
export function bodyWithEveryLeaf(
  operation: Operation,
  fixtures: Fixtures,
  applies: (schema: JsonSchema) => boolean,
  fault: unknown,
  encode: (value: unknown) => string = JSON.stringify,
): string | undefined {
  if (!operation.bodySchema) return undefined;
  const mapped = mapLeaves(operation.bodySchema, bodySample(operation, fixtures), (schema) => (applies(schema) ? fault : KEEP));
  if (!countLeaves(mapped, (leaf) => leaf === fault)) return undefined;
  return encode(mapped);
}

export const isTextLeaf = (schema: JsonSchema) => typeOf(schema) === 'string' && !schema.enum;
export const isFreeTextLeaf = isFreeString;
export const isNumberLeaf = (schema: JsonSchema) => ['number', 'integer'].includes(typeOf(schema) ?? '') && !schema.enum;
