/**
 * Hostile requests for every operation of the OpenAPI document (used by hostile.test.ts).
 *
 * Each case carries exactly one fault where it can: path cases keep the other parameters and the body plausible,
 * query cases keep the other (required) parameters valid, body cases keep the path and query valid. The kinds of
 * fault live in their own files: path-, query-, body-, text- and header-cases.ts.
 */
import { BODY_FAULTS, type BodyFault } from './body-cases';
import { ENCODING_FAULTS, headerCases } from './header-cases';
import { labelOf, type Operation } from './openapi';
import { pathCases } from './path-cases';
import { queryCases } from './query-cases';
import { JSON_TYPE, type RobustnessCase, requestParts } from './requests';
import type { Fixtures } from './samples';
import { TEXT_FAULTS } from './text-cases';

/**
 * Well-typed values that no generic fault produces: impossible for one route's meaning (a date the calendar does
 * not cover, a session ending before it starts). The path and any omitted query part come from the valid values.
 */
export const ROUTE_SPECIFIC_CASES: Record<string, { name: string; query?: string; body?: unknown }[]> = {
  'GET /api/calendar/due': [
    { name: 'query: a year the working calendar does not cover', query: 'from=9999-12-31T09:00%2B07:00&amount=1&unit=working_days' },
    { name: 'query: a due date past 2199', query: 'from=2199-12-31T09:00%2B07:00&amount=3650&unit=working_days' },
    { name: 'query: half a calendar day', query: 'from=2026-03-02T09:00%2B07:00&amount=0.5&unit=calendar_days' },
    { name: 'query: an impossible date 2026-02-31', query: 'from=2026-02-31T09:00%2B07:00&amount=1&unit=working_days' },
  ],
  'PUT /api/settings/portal': [
    {
      name: 'body: an e-mail that is not one',
      body: { provinceName: 'Tỉnh An Giang', centreName: null, address: null, phone: null, hotline: null, email: 'khong-phai-thu' },
    },
    {
      name: 'body: letters for a phone number',
      body: { provinceName: 'Tỉnh An Giang', centreName: null, address: null, phone: 'gọi tôi', hotline: null, email: null },
    },
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

const ALL_BODY_FAULTS: BodyFault[] = [...BODY_FAULTS, ...TEXT_FAULTS, ...ENCODING_FAULTS];

export function buildCases(operation: Operation, fixtures: Fixtures): RobustnessCase[] {
  const parts = requestParts(operation, fixtures);
  const cases: RobustnessCase[] = [
    ...pathCases(operation, fixtures, parts),
    ...queryCases(operation, fixtures, parts),
    ...headerCases(operation, fixtures, parts),
  ];

  for (const special of ROUTE_SPECIFIC_CASES[labelOf(operation)] ?? []) {
    cases.push({
      name: special.name,
      allowSuccess: false,
      request: () =>
        parts.request({
          query: special.query === undefined ? undefined : [special.query],
          body: special.body === undefined ? undefined : { payload: JSON.stringify(special.body), headers: JSON_TYPE },
        }),
    });
  }

  if (!operation.isRead) {
    for (const fault of ALL_BODY_FAULTS) {
      if (!fault.build(operation, fixtures)) continue; // not applicable here (nothing to change in the plausible body)
      cases.push({
        name: `body: ${fault.name}`,
        // A route without a body schema ignores a body that parses (logout, DELETE): success is not a fault there.
        allowSuccess: !operation.bodySchema && fault.wellFormed,
        request: () => parts.request({ body: fault.build(operation, fixtures)! }),
      });
    }
  }
  return cases;
}
