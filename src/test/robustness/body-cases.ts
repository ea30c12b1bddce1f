/** Hostile JSON bodies: broken or odd JSON, wrong shapes and types, prototype keys, repeated keys, huge bodies. */
import type { Operation } from './openapi';
import { JSON_TYPE } from './requests';
import { bodySample, type Fixtures, isNumberLeaf, KEEP, mapLeaves, wrongTypeValue } from './samples';

export type BodyFault = {
  name: string;
  /** Does the payload parse as JSON (so a route without a body schema may legitimately ignore it)? */
  wellFormed: boolean;
  /** undefined: not applicable to this operation (the case would not differ from the plausible body). */
  build(operation: Operation, fixtures: Fixtures): { payload: string | Buffer; headers: Record<string, string> } | undefined;
};

export const json = (payload: string | undefined) => (payload === undefined ? undefined : { payload, headers: JSON_TYPE });

/** `{"a":{"a":…}}` nested `depth` times (text, so that building it needs no recursion). */
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const MARKER = '__robustness_marker__';

/** The plausible body with its first key written twice: the first time with a value of the wrong type. */
function repeatedKey(operation: Operation, fixtures: Fixtures, nested: boolean): string | undefined {
  const sample = bodySample(operation, fixtures);
  const entries = Object.entries(sample);
  if (!nested) {
    const [first] = entries;
    if (!first) return '{"a":1,"a":2}';
    const key = first[0];
    return `{${JSON.stringify(key)}:${JSON.stringify(wrongTypeValue(operation.bodySchema?.properties?.[key] ?? {}))},${JSON.stringify(sample).slice(1)}`;
  }
  // The first object nested inside the body gets its first key twice.
  const text = JSON.stringify(sample);
  const inner = text.indexOf('{', 1);
  if (inner < 0) return undefined;
  const key = /^\{("(?:[^"\\]|\\.)*")/.exec(text.slice(inner))?.[1];
  if (!key) return undefined;
  return `${text.slice(0, inner + 1)}${key}:null,${text.slice(inner + 1)}`;
}

export const BODY_FAULTS: BodyFault[] = [
  { name: 'malformed JSON', wellFormed: false, build: () => json('{"a": ') },
  { name: 'empty body with a JSON content-type', wellFormed: false, build: () => json('') },
  { name: 'null', wellFormed: true, build: () => json('null') },
  { name: '[]', wellFormed: true, build: () => json('[]') },
  { name: '"string"', wellFormed: true, build: () => json('"string"') },
  { name: 'bare number 1e999', wellFormed: true, build: () => json('1e999') },
  { name: '{}', wellFormed: true, build: () => json('{}') },
  {
    name: 'wrong types (every documented property)',
    wellFormed: true,
    build: (operation) => {
      const properties = operation.bodySchema?.properties;
      if (!properties || !Object.keys(properties).length) return undefined;
      return json(JSON.stringify(Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, wrongTypeValue(schema)]))));
    },
  },
  {
    name: 'wrong types (every nested leaf)',
    wellFormed: true,
    build: (operation, fixtures) =>
      operation.bodySchema
        ? json(JSON.stringify(mapLeaves(operation.bodySchema, bodySample(operation, fixtures), wrongTypeValue)))
        : undefined,
  },
  {
    name: 'unknown extra fields',
    wellFormed: true,
    build: (operation, fixtures) =>
      json(JSON.stringify({ ...bodySample(operation, fixtures), isAdmin: true, role: 'admin', robustnessExtra: { nested: [1, 2] } })),
  },
  // JSON.parse keeps the last value of a repeated key; which one counts must never depend on the parser.
  {
    name: 'a key given twice (first property)',
    wellFormed: false,
    build: (operation, fixtures) => json(repeatedKey(operation, fixtures, false)),
  },
  {
    name: 'a key given twice (nested object)',
    wellFormed: false,
    build: (operation, fixtures) => json(repeatedKey(operation, fixtures, true)),
  },
  { name: 'objects nested 1000 deep', wellFormed: true, build: () => json(nestedObjects(1000)) },
  {
    name: 'arrays nested 1000 deep in the first property',
    wellFormed: true,
    build: (operation, fixtures) => {
      const sample = bodySample(operation, fixtures);
      const first = Object.keys(sample)[0] ?? 'a';
      return json(JSON.stringify({ ...sample, [first]: MARKER }).replace(`"${MARKER}"`, nestedArrays(1000)));
    },
  },
  // 100 000 levels (200 KB): far enough that the outcome does not depend on the stack left or on JIT warm-up.
  { name: 'arrays nested 100000 deep (200 KB)', wellFormed: true, build: () => json(nestedArrays(100_000)) },
  {
    name: 'body over the 1 MB limit',
    wellFormed: false,
    build: (_operation, fixtures) => json(JSON.stringify({ a: 'x'.repeat(fixtures.bodyLimitBytes + 1) })),
  },
  { name: '__proto__ key', wellFormed: false, build: () => json('{"__proto__":{"isAdmin":true}}') },
  { name: 'constructor.prototype key', wellFormed: false, build: () => json('{"constructor":{"prototype":{"isAdmin":true}}}') },
  {
    name: 'every number 1e999 (raw JSON)',
    wellFormed: true,
    build: (operation, fixtures) => {
      if (!operation.bodySchema) return undefined;
      const mapped = mapLeaves(operation.bodySchema, bodySample(operation, fixtures), (schema) => (isNumberLeaf(schema) ? MARKER : KEEP));
      const text = JSON.stringify(mapped);
      return text.includes(MARKER) ? json(text.replaceAll(`"${MARKER}"`, '1e999')) : undefined;
    },
  },
];
