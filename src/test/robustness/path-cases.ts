/** Hostile path parameters: each case breaks one parameter and keeps the rest of the request plausible. */
import { randomUUID } from 'node:crypto';
import type { Operation } from './openapi';
import { type Garbage, garbageText, type RequestParts, type RobustnessCase } from './requests';
import { type Fixtures, isDateSchema } from './samples';

export const PATH_GARBAGE: Garbage[] = [
  { label: 'broken percent-escape %E0%A4%A', value: '%E0%A4%A', encode: false },
  { label: "'x' × 500", value: 'x'.repeat(500), encode: true },
  // Raw "../" is resolved by any URL parser (and by light-my-request) before routing; encoded, it reaches the router.
  { label: '../../etc (encoded)', value: '../../etc', encode: true },
  { label: "'null'", value: 'null', encode: true },
  { label: 'random uuid', value: () => randomUUID(), encode: true },
  { label: "'1e999'", value: '1e999', encode: true },
  { label: "'1e12'", value: '1e12', encode: true },
  { label: "'-1'", value: '-1', encode: true },
  { label: 'NUL byte %00', value: '%00', encode: false },
  // The UTF-8-style bytes of the lone surrogate U+D800: not UTF-8, so no string can hold them.
  { label: 'lone surrogate %ED%A0%80', value: '%ED%A0%80', encode: false },
  { label: "impossible date '2026-02-31'", value: '2026-02-31', encode: true },
];

export function pathCases(operation: Operation, fixtures: Fixtures, parts: RequestParts): RobustnessCase[] {
  const cases: RobustnessCase[] = [];
  for (const parameter of operation.pathParams) {
    for (const garbage of PATH_GARBAGE) {
      if (garbage.label.startsWith('impossible date') && !isDateSchema(parameter.schema ?? {})) continue;
      cases.push({
        name: `path ${parameter.name} = ${garbage.label}`,
        allowSuccess: operation.isRead && !garbage.label.startsWith('impossible date'),
        request: () => parts.request({ path: { [parameter.name]: garbageText(garbage) } }),
      });
    }
  }
  if (operation.path.startsWith('/api/reform/proposals/{id}') && !operation.isRead && operation.bodySchema) {
    cases.push({
      name: 'path id = a proposal past draft (approved)',
      allowSuccess: false,
      request: () => parts.request({ path: { id: fixtures.lockedProposalId } }),
    });
  }
  return cases;
}
