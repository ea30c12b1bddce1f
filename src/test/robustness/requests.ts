/** The request a case sends, and the valid parts (path, query, body) that a case keeps around its one fault. */
import { randomUUID } from 'node:crypto';
import type { Operation, Parameter } from './openapi';
import { bodySample, type Fixtures, sampleValue } from './samples';

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

export const JSON_TYPE = { 'content-type': 'application/json' };

/** The values a path parameter takes when another part of the request carries the fault. */
export function validPathValue(operation: Operation, parameter: Parameter, fixtures: Fixtures): string {
  const schema = parameter.schema ?? {};
  if (parameter.name === 'id') {
    // Routes without a body act on the record as soon as the path is valid (DELETE): aim them at nothing.
    if (!operation.isRead && !operation.bodySchema) return randomUUID();
    if (operation.path.startsWith('/api/users/')) return fixtures.userId;
    if (operation.path.startsWith('/api/units/')) return fixtures.unitId;
    if (operation.path.startsWith('/api/reform/proposals/')) return fixtures.proposalId;
    if (operation.path.startsWith('/api/reform/conditions/')) return fixtures.conditionId;
    if (operation.path.startsWith('/api/reform/reporting-regimes/')) return fixtures.regimeId;
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
export function validQueryValue(parameter: Parameter, fixtures: Fixtures): string {
  if (parameter.name === 'from') return '2026-03-02T09:00+07:00';
  return String(sampleValue(parameter.schema ?? {}, fixtures));
}

export function buildUrl(operation: Operation, pathValues: Record<string, string>, query: string) {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValues[name]!);
  return query ? `${path}?${query}` : path;
}

/** The valid parts of one operation's requests, from which each case changes one. */
export function requestParts(operation: Operation, fixtures: Fixtures) {
  const validPath = () =>
    Object.fromEntries(
      operation.pathParams.map((parameter) => [parameter.name, encodeURIComponent(validPathValue(operation, parameter, fixtures))]),
    );
  const validQuery = (except?: string) =>
    operation.queryParams
      .filter((parameter) => parameter.required && parameter.name !== except)
      .map((parameter) => `${parameter.name}=${encodeURIComponent(validQueryValue(parameter, fixtures))}`);
  const plausibleBody = (): { payload?: string; headers: Record<string, string> } =>
    operation.bodySchema ? { payload: JSON.stringify(bodySample(operation, fixtures)), headers: JSON_TYPE } : { headers: {} };
  /** A request with every part valid but the ones given. */
  const request = (changes: {
    path?: Record<string, string>;
    query?: string[];
    body?: { payload?: string | Buffer; headers: Record<string, string> };
  }) => ({
    method: operation.method,
    url: buildUrl(operation, { ...validPath(), ...changes.path }, (changes.query ?? validQuery()).join('&')),
    ...(changes.body ?? plausibleBody()),
  });
  return { validPath, validQuery, plausibleBody, request };
}

export type RequestParts = ReturnType<typeof requestParts>;

/** `encode: false` puts the value in the URL as is (a broken percent-escape must reach the server broken). */
export type Garbage = { label: string; value: string | (() => string); encode: boolean };
export const garbageText = (garbage: Garbage) => {
  const value = typeof garbage.value === 'function' ? garbage.value() : garbage.value;
  return garbage.encode ? encodeURIComponent(value) : value;
};
