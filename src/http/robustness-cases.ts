/**
 * Hostile requests for every operation of the OpenAPI document (used by robustness.test.ts).
 *
 * Each case carries exactly one fault where it can: path cases keep the other parameters and the body plausible,
 * query cases keep the other (required) parameters valid, body cases keep the path and query valid. "Plausible"
 * values are derived from the operation's own JSON schema (enum → first value, pattern → a known example…).
 */
import { randomUUID } from 'node:crypto';
import { AppError, type ErrorCode } from '../core/errors';

// ---------------------------------------------------------------------------------------------------------------
// The parts of an OpenAPI 3.1 document this file reads.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  $ref?: string;
};

type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema?: JsonSchema };
type OperationObject = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export type Operation = {
  method: string;
  /** OpenAPI path, e.g. /api/units/{id} */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  bodySchema: JsonSchema | undefined;
  /** GET: a 2xx answer to a hostile request is harmless (the input was ignored or matched nothing). */
  isRead: boolean;
};

export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        queryParams: parameters.filter((parameter) => parameter.in === 'query'),
        bodySchema: resolveSchema(document, operation.requestBody?.content?.['application/json']?.schema),
        isRead: method === 'get',
      });
    }
  }
  return operations;
}

function resolveSchema(document: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.split('/').pop()!;
  return document.components?.schemas?.[name];
}

// ---------------------------------------------------------------------------------------------------------------
// Plausible values, derived from the schemas.

/** Real rows of the demo data, so that a request with one fault otherwise reaches real records. */
export type Fixtures = {
  bodyLimitBytes: number;
  unitId: string;
  userId: string;
  /** A proposal in draft (editable) and one past draft (approved): the routes treat them differently. */
  proposalId: string;
  lockedProposalId: string;
  conditionId: string;
  procedureCode: string;
};

/** Examples tried, in order, against a string pattern. */
const PATTERN_EXAMPLES = [
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

function nonNullOption(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return schema;
  return options.find((option) => option.type !== 'null') ?? options[0]!;
}

function typeOf(schema: JsonSchema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((entry) => entry !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

export function sampleString(schema: JsonSchema, fixtures: Fixtures): string {
  if (schema.format === 'uuid') return fixtures.unitId;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const example = PATTERN_EXAMPLES.find((candidate) => pattern.test(candidate));
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
      return sampleString(schema, fixtures);
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

const KEEP = Symbol('keep');

/** Walks a sample built from `input` and replaces each leaf by `replace(leaf schema)`, unless that returns KEEP. */
function mapLeaves(input: JsonSchema, value: unknown, replace: (schema: JsonSchema) => unknown | typeof KEEP): unknown {
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

function countLeaves(value: unknown, predicate: (leaf: unknown) => boolean): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, child) => sum + countLeaves(child, predicate), 0);
  if (value && typeof value === 'object')
    return Object.values(value).reduce<number>((sum, child) => sum + countLeaves(child, predicate), 0);
  return predicate(value) ? 1 : 0;
}

const INFINITE_MARKER = '__robustness_1e999__';
/** JSON text where the marker strings become the number literal 1e999 (JSON.parse reads it as Infinity). */
const withInfiniteNumbers = (value: unknown) => JSON.stringify(value).replaceAll(`"${INFINITE_MARKER}"`, '1e999');

/** `{"a":{"a":…}}` nested `depth` times (text, so that building it needs no recursion). */
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

// ---------------------------------------------------------------------------------------------------------------
// Cases.

export type HostileRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
};

export type RobustnessCase = {
  /** e.g. "body: wrong types (every documented property)" */
  name: string;
  /** Built lazily: some payloads are a megabyte. */
  request(): HostileRequest;
  /** A 2xx answer is acceptable (a read, or a body the route ignores by design). */
  allowSuccess: boolean;
};

const JSON_TYPE = { 'content-type': 'application/json' };

/** The values a path parameter takes when another part of the request carries the fault. */
function validPathValue(operation: Operation, parameter: Parameter, fixtures: Fixtures): string {
  const schema = parameter.schema ?? {};
  if (parameter.name === 'id') {
    // Routes without a body act on the record as soon as the path is valid (DELETE): aim them at nothing.
    if (!operation.isRead && !operation.bodySchema) return randomUUID();
    if (operation.path.startsWith('/api/users/')) return fixtures.userId;
    if (operation.path.startsWith('/api/units/')) return fixtures.unitId;
    if (operation.path.startsWith('/api/reform/proposals/')) return fixtures.proposalId;
    if (operation.path.startsWith('/api/reform/conditions/')) return fixtures.conditionId;
    return randomUUID();
  }
  if (parameter.name === 'code') return fixtures.procedureCode;
  if (parameter.name === 'year') {
    const min = schema.minimum ?? 2026;
    const max = schema.maximum ?? 2026;
    return String(Math.min(Math.max(2026, min), max));
  }
  if (parameter.name === 'format') return 'pdf';
  return String(sampleValue(schema, fixtures));
}

/** Required query parameters that a case does not attack get a valid value; optional ones are left out. */
function validQueryValue(parameter: Parameter, fixtures: Fixtures): string {
  if (parameter.name === 'from') return '2026-03-02T09:00+07:00';
  return String(sampleValue(parameter.schema ?? {}, fixtures));
}

function buildUrl(operation: Operation, pathValues: Record<string, string>, query: string) {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValues[name]!);
  return query ? `${path}?${query}` : path;
}

/** `encode: false` puts the value in the URL as is (a broken percent-escape must reach the server broken). */
type Garbage = { label: string; value: string | (() => string); encode: boolean };
const garbageText = (garbage: Garbage) => {
  const value = typeof garbage.value === 'function' ? garbage.value() : garbage.value;
  return garbage.encode ? encodeURIComponent(value) : value;
};

export const PATH_GARBAGE: Garbage[] = [
  { label: 'broken percent-escape %E0%A4%A', value: '%E0%A4%A', encode: false },
  { label: "'x' × 500", value: 'x'.repeat(500), encode: true },
  // Raw "../" is resolved by any URL parser (and by light-my-request) before routing; encoded, it reaches the router.
  { label: '../../etc (encoded)', value: '../../etc', encode: true },
  { label: "'null'", value: 'null', encode: true },
  { label: 'random uuid', value: () => randomUUID(), encode: true },
  { label: "'1e999'", value: '1e999', encode: true },
  { label: "'-1'", value: '-1', encode: true },
  { label: 'NUL byte %00', value: '%00', encode: false },
];

export const QUERY_GARBAGE: Garbage[] = [
  { label: "'Infinity'", value: 'Infinity', encode: true },
  { label: "'1e999'", value: '1e999', encode: true },
  { label: "'-1'", value: '-1', encode: true },
  { label: "'[]'", value: '[]', encode: true },
  { label: "'x' × 5000", value: 'x'.repeat(5000), encode: true },
  { label: "'NaN'", value: 'NaN', encode: true },
  { label: 'empty', value: '', encode: true },
  { label: 'NUL byte %00', value: '%00', encode: false },
  { label: 'broken percent-escape %E0%A4%A', value: '%E0%A4%A', encode: false },
];

type BodyFault = {
  name: string;
  /** Does the payload parse as JSON (so a route without a body schema may legitimately ignore it)? */
  wellFormed: boolean;
  /** undefined: not applicable to this operation (the case would not differ from the plausible body). */
  build(operation: Operation, fixtures: Fixtures): { payload: string | Buffer; headers: Record<string, string> } | undefined;
};

const json = (payload: string) => ({ payload, headers: JSON_TYPE });

function bodySample(operation: Operation, fixtures: Fixtures): Record<string, unknown> {
  const sample = operation.bodySchema ? sampleValue(operation.bodySchema, fixtures) : {};
  return sample && typeof sample === 'object' && !Array.isArray(sample) ? (sample as Record<string, unknown>) : {};
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
    build: (operation, fixtures) => {
      if (!operation.bodySchema) return undefined;
      return json(JSON.stringify(mapLeaves(operation.bodySchema, bodySample(operation, fixtures), wrongTypeValue)));
    },
  },
  {
    name: 'unknown extra fields',
    wellFormed: true,
    build: (operation, fixtures) =>
      json(JSON.stringify({ ...bodySample(operation, fixtures), isAdmin: true, role: 'admin', robustnessExtra: { nested: [1, 2] } })),
  },
  { name: 'objects nested 1000 deep', wellFormed: true, build: () => json(nestedObjects(1000)) },
  {
    name: 'arrays nested 1000 deep in the first property',
    wellFormed: true,
    build: (operation, fixtures) => {
      const sample = bodySample(operation, fixtures);
      const first = Object.keys(sample)[0] ?? 'a';
      const text = JSON.stringify({ ...sample, [first]: INFINITE_MARKER }).replace(`"${INFINITE_MARKER}"`, nestedArrays(1000));
      return json(text);
    },
  },
  // 100 000 levels (200 KB): far enough that the outcome does not depend on the stack left or on JIT warm-up.
  { name: 'arrays nested 100000 deep (200 KB)', wellFormed: true, build: () => json(nestedArrays(100_000)) },
  {
    name: 'every number 1e999 (raw JSON)',
    wellFormed: true,
    build: (operation, fixtures) => {
      if (!operation.bodySchema) return undefined;
      const sample = bodySample(operation, fixtures);
      const mapped = mapLeaves(operation.bodySchema, sample, (schema) =>
        ['number', 'integer'].includes(typeOf(schema) ?? '') && !schema.enum ? INFINITE_MARKER : KEEP,
      );
      if (!countLeaves(mapped, (leaf) => leaf === INFINITE_MARKER)) return undefined;
      return json(withInfiniteNumbers(mapped));
    },
  },
  {
    name: 'every string 100 KB',
    wellFormed: true,
    build: (operation, fixtures) => {
      if (!operation.bodySchema) return undefined;
      const long = 'đ'.repeat(50_000); // 100 KB of UTF-8
      const mapped = mapLeaves(operation.bodySchema, bodySample(operation, fixtures), (schema) =>
        typeOf(schema) === 'string' && !schema.enum ? long : KEEP,
      );
      if (!countLeaves(mapped, (leaf) => leaf === long)) return undefined;
      return json(JSON.stringify(mapped));
    },
  },
  {
    name: 'strings with a NUL character',
    wellFormed: true,
    build: (operation, fixtures) => {
      if (!operation.bodySchema) return undefined;
      const mapped = mapLeaves(operation.bodySchema, bodySample(operation, fixtures), (schema) =>
        typeOf(schema) === 'string' && !schema.enum && !schema.pattern && !schema.format ? `Kiểm thử\u0000độ bền` : KEEP,
      );
      if (!countLeaves(mapped, (leaf) => typeof leaf === 'string' && leaf.includes('\u0000'))) return undefined;
      return json(JSON.stringify(mapped));
    },
  },
  {
    name: 'body over the 1 MB limit',
    wellFormed: false,
    build: (_operation, fixtures) => json(JSON.stringify({ a: 'x'.repeat(fixtures.bodyLimitBytes + 1) })),
  },
  { name: '__proto__ key', wellFormed: false, build: () => json('{"__proto__":{"isAdmin":true}}') },
  { name: 'constructor.prototype key', wellFormed: false, build: () => json('{"constructor":{"prototype":{"isAdmin":true}}}') },
  // The JSON parser decodes invalid bytes as U+FFFD, so this parses: {"a":"\uFFFD\uFFFD"}.
  {
    name: 'invalid UTF-8 bytes',
    wellFormed: true,
    build: () => ({ payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers: JSON_TYPE }),
  },
  {
    name: 'text/plain content-type',
    wellFormed: true,
    build: (operation, fixtures) => ({
      payload: JSON.stringify(bodySample(operation, fixtures)),
      headers: { 'content-type': 'text/plain' },
    }),
  },
  {
    name: 'multipart/form-data with a broken boundary',
    wellFormed: false,
    build: () => ({
      payload: '--wrong\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--wrong',
      headers: { 'content-type': 'multipart/form-data; boundary=expected' },
    }),
  },
  {
    name: 'application/json in charset utf-16',
    wellFormed: false,
    build: () => ({ payload: Buffer.from('{}', 'utf16le'), headers: { 'content-type': 'application/json; charset=utf-16' } }),
  },
  {
    name: 'body without a content-type',
    wellFormed: false,
    build: (operation, fixtures) => ({ payload: JSON.stringify(bodySample(operation, fixtures)), headers: {} }),
  },
];

/**
 * Cases whose body is valid for the route, so that success is right: "METHOD path" → case name → why.
 * (Everything else sent to a write route carries a fault and must be refused.)
 */
export const LEGITIMATE_SUCCESSES: Record<string, Record<string, string>> = {
  'POST /api/reform/cost': {
    'body: strings with a NUL character':
      'a calculation that saves nothing; an activity name with U+0000 is valid input and is returned JSON-escaped',
  },
};

/**
 * Well-typed values that no generic fault produces: impossible for one route's meaning (a date the calendar does
 * not cover, a session ending before it starts). The path and any omitted query part come from the valid values.
 */
export const ROUTE_SPECIFIC_CASES: Record<string, { name: string; query?: string; body?: unknown }[]> = {
  'GET /api/calendar/due': [
    { name: 'query: a year the working calendar does not cover', query: 'from=9999-12-31T09:00%2B07:00&amount=1&unit=working_days' },
    { name: 'query: a due date past 2199', query: 'from=2199-12-31T09:00%2B07:00&amount=3650&unit=working_days' },
    { name: 'query: half a calendar day', query: 'from=2026-03-02T09:00%2B07:00&amount=0.5&unit=calendar_days' },
  ],
  'PUT /api/calendar/sessions': [
    { name: 'body: a session that ends before it starts', body: { sessions: [{ start: '12:00', end: '08:00' }] } },
    {
      name: 'body: overlapping sessions',
      body: {
        sessions: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      },
    },
  ],
  'POST /api/calendar/announcements': [
    { name: 'body: a make-up working day on a Monday', body: { date: '2026-03-02', kind: 'working_day', name: 'Làm bù' } },
  ],
};

export function buildCases(operation: Operation, fixtures: Fixtures): RobustnessCase[] {
  const cases: RobustnessCase[] = [];
  const legitimate = LEGITIMATE_SUCCESSES[`${operation.method} ${operation.path}`] ?? {};
  const validPath = () =>
    Object.fromEntries(
      operation.pathParams.map((parameter) => [parameter.name, encodeURIComponent(validPathValue(operation, parameter, fixtures))]),
    );
  const validQuery = (except?: string) =>
    operation.queryParams
      .filter((parameter) => parameter.required && parameter.name !== except)
      .map((parameter) => `${parameter.name}=${encodeURIComponent(validQueryValue(parameter, fixtures))}`);
  const plausibleBody = () =>
    operation.bodySchema ? { payload: JSON.stringify(bodySample(operation, fixtures)), headers: JSON_TYPE } : { headers: {} };

  for (const parameter of operation.pathParams) {
    for (const garbage of PATH_GARBAGE) {
      cases.push({
        name: `path ${parameter.name} = ${garbage.label}`,
        allowSuccess: operation.isRead,
        request: () => ({
          method: operation.method,
          url: buildUrl(operation, { ...validPath(), [parameter.name]: garbageText(garbage) }, validQuery().join('&')),
          ...plausibleBody(),
        }),
      });
    }
  }

  if (operation.path.startsWith('/api/reform/proposals/{id}') && !operation.isRead && operation.bodySchema) {
    cases.push({
      name: 'path id = a proposal past draft (approved)',
      allowSuccess: false,
      request: () => ({
        method: operation.method,
        url: buildUrl(operation, { ...validPath(), id: fixtures.lockedProposalId }, validQuery().join('&')),
        ...plausibleBody(),
      }),
    });
  }

  for (const parameter of operation.queryParams) {
    const variants: { label: string; query: () => string[] }[] = [
      ...QUERY_GARBAGE.map((garbage) => ({
        label: garbage.label,
        query: () => [...validQuery(parameter.name), `${parameter.name}=${garbageText(garbage)}`],
      })),
      {
        label: 'given twice',
        query: () => {
          const value = encodeURIComponent(validQueryValue(parameter, fixtures));
          return [...validQuery(parameter.name), `${parameter.name}=${value}`, `${parameter.name}=${value}`];
        },
      },
      {
        label: 'bracket syntax',
        query: () => [
          ...validQuery(parameter.name),
          `${encodeURIComponent(`${parameter.name}[]`)}=1`,
          `${encodeURIComponent(`${parameter.name}[a]`)}=2`,
        ],
      },
    ];
    for (const variant of variants) {
      cases.push({
        name: `query ${parameter.name} = ${variant.label}`,
        allowSuccess: operation.isRead,
        request: () => ({ method: operation.method, url: buildUrl(operation, validPath(), variant.query().join('&')), ...plausibleBody() }),
      });
    }
  }
  // (A write without query parameters is left out: with its plausible body it might just succeed.)
  if (operation.queryParams.length || operation.isRead) {
    cases.push({
      name: 'query: unknown parameters',
      allowSuccess: operation.isRead,
      request: () => ({
        method: operation.method,
        url: buildUrl(operation, validPath(), [...validQuery(), 'robustness=1', '__proto__=x', 'constructor=y'].join('&')),
        ...plausibleBody(),
      }),
    });
  }

  for (const special of ROUTE_SPECIFIC_CASES[`${operation.method} ${operation.path}`] ?? []) {
    cases.push({
      name: special.name,
      allowSuccess: false,
      request: () => ({
        method: operation.method,
        url: buildUrl(operation, validPath(), special.query ?? validQuery().join('&')),
        ...(special.body === undefined ? plausibleBody() : { payload: JSON.stringify(special.body), headers: JSON_TYPE }),
      }),
    });
  }

  if (!operation.isRead) {
    for (const fault of BODY_FAULTS) {
      if (!fault.build(operation, fixtures)) continue; // not applicable here (nothing to change in the plausible body)
      const name = `body: ${fault.name}`;
      cases.push({
        name,
        // A route without a body schema ignores a body that parses (logout, DELETE): success is not a fault there.
        allowSuccess: (!operation.bodySchema && fault.wellFormed) || name in legitimate,
        request: () => {
          const built = fault.build(operation, fixtures)!;
          return {
            method: operation.method,
            url: buildUrl(operation, validPath(), validQuery().join('&')),
            payload: built.payload,
            headers: built.headers,
          };
        },
      });
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// Judging a response.

/** Letters that only Vietnamese text has (ASCII-only English messages fail). */
export const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** English words that no Vietnamese sentence contains: an English text glued after a Vietnamese prefix. */
export const ENGLISH_WORD =
  /\b(?:the|must|should|expected|got|invalid|required|cannot|failed|error|within|covers|between|only|is|are|has|have|not|found|unknown)\b/i;

function languageProblem(where: string, message: string): string | undefined {
  if (!VIETNAMESE_LETTER.test(message)) return `${where} is not Vietnamese: "${message}"`;
  const english = ENGLISH_WORD.exec(message);
  if (english) return `${where} has English in it ("${english[0]}"): "${message}"`;
  return undefined;
}

export type ObservedResponse = { statusCode: number; headers: Record<string, unknown>; body: string };

/** AppError knows the status of each ErrorCode (and has none for anything else). */
const isKnownCode = (code: string): code is ErrorCode => typeof new AppError(code as ErrorCode, '').status === 'number';

/** Everything wrong with an answer to a hostile request; an empty list means the answer is right. */
export function responseProblems(response: ObservedResponse, allowSuccess: boolean): string[] {
  const problems: string[] = [];
  const status = response.statusCode;
  if (status >= 500) problems.push(`status ${status}: a client-triggered error must be 4xx, never 5xx`);
  else if (status >= 200 && status < 300) {
    if (!allowSuccess) problems.push(`status ${status}: hostile input was accepted`);
    return problems;
  } else if (status < 400) problems.push(`status ${status}: expected 4xx`);

  const contentType = String(response.headers['content-type'] ?? '');
  if (!contentType.includes('application/json')) problems.push(`content-type "${contentType}" is not JSON`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    problems.push('body is not JSON');
    return problems;
  }
  const root = parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;
  if (!root || typeof root !== 'object' || Array.isArray(root)) return [...problems, 'body is not an object'];
  const extraRoot = Object.keys(root).filter((key) => key !== 'error');
  if (extraRoot.length) problems.push(`unexpected top-level keys: ${extraRoot.join(', ')}`);
  const error = root.error;
  if (!error || typeof error !== 'object') return [...problems, 'no "error" object'];
  const extraError = Object.keys(error).filter((key) => !['code', 'message', 'details'].includes(key));
  if (extraError.length) problems.push(`unexpected keys in error: ${extraError.join(', ')}`);

  if (typeof error.code !== 'string' || !error.code) problems.push('error.code is not a non-empty string');
  else if (!isKnownCode(error.code)) problems.push(`error.code "${error.code}" is not one of ErrorCode`);
  else if (new AppError(error.code, '').status !== status) {
    problems.push(`status ${status} does not match error.code "${error.code}" (${new AppError(error.code, '').status})`);
  }
  if (typeof error.message !== 'string' || !error.message.trim()) problems.push('error.message is empty');
  else {
    const language = languageProblem('error.message', error.message);
    if (language) problems.push(language);
  }

  if (!Array.isArray(error.details)) problems.push('error.details is not an array');
  else {
    for (const [index, detail] of (error.details as unknown[]).entries()) {
      const { path, message } = (detail ?? {}) as { path?: unknown; message?: unknown };
      if (typeof path !== 'string' || typeof message !== 'string') problems.push(`details[${index}] is not {path, message}`);
      else {
        const language = languageProblem(`details[${index}].message (path ${path})`, message);
        if (language) problems.push(language);
      }
    }
  }
  return problems;
}

/** A short, readable account of a request and its answer for a failure message. */
export function describeExchange(request: HostileRequest, response: ObservedResponse): string {
  const shorten = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
  const payload =
    request.payload === undefined
      ? ''
      : ` body=${shorten(Buffer.isBuffer(request.payload) ? `<${request.payload.length} bytes>` : request.payload, 200)}`;
  const type = request.headers['content-type'] ? ` content-type=${request.headers['content-type']}` : '';
  return `${request.method} ${shorten(request.url, 200)}${type}${payload}\n→ ${response.statusCode} ${shorten(response.body)}`;
}
