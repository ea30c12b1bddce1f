/** Hostile query strings: garbage in each parameter, parameters given twice or in bracket syntax, unknown ones. */
import type { Operation, Parameter } from './openapi';
import { type Garbage, garbageText, type RequestParts, type RobustnessCase, validQueryValue } from './requests';
import { type Fixtures, isDateSchema, nonNullOption, typeOf } from './samples';

export const QUERY_GARBAGE: Garbage[] = [
  { label: "'Infinity'", value: 'Infinity', encode: true },
  { label: "'1e999'", value: '1e999', encode: true },
  { label: "'1e12'", value: '1e12', encode: true },
  { label: "'-1'", value: '-1', encode: true },
  { label: "'[]'", value: '[]', encode: true },
  { label: "'x' × 5000", value: 'x'.repeat(5000), encode: true },
  { label: "'NaN'", value: 'NaN', encode: true },
  { label: 'empty', value: '', encode: true },
  { label: 'NUL byte %00', value: '%00', encode: false },
  { label: 'broken percent-escape %E0%A4%A', value: '%E0%A4%A', encode: false },
  { label: 'lone surrogate %ED%A0%80', value: '%ED%A0%80', encode: false },
  { label: 'lone surrogate in text %ED%A0%80abc', value: 'abc%ED%A0%80', encode: false },
];

/** Values that even a read must refuse: the schema bounds them (page=1e12) or they name no day (2026-02-31). */
function mustRefuse(parameter: Parameter, garbage: Garbage): boolean {
  const schema = nonNullOption(parameter.schema ?? {});
  const isNumber = ['number', 'integer'].includes(typeOf(schema) ?? '');
  return isNumber && garbage.value === '1e12' && schema.maximum !== undefined && schema.maximum < 1e12;
}

export function queryCases(operation: Operation, fixtures: Fixtures, parts: RequestParts): RobustnessCase[] {
  const cases: RobustnessCase[] = [];
  for (const parameter of operation.queryParams) {
    const value = () => encodeURIComponent(validQueryValue(parameter, fixtures));
    const variants: { label: string; query: () => string[]; refuse?: boolean }[] = [
      ...QUERY_GARBAGE.map((garbage) => ({
        label: garbage.label,
        query: () => [...parts.validQuery(parameter.name), `${parameter.name}=${garbageText(garbage)}`],
        refuse: mustRefuse(parameter, garbage),
      })),
      {
        label: 'given twice',
        query: () => [...parts.validQuery(parameter.name), `${parameter.name}=${value()}`, `${parameter.name}=${value()}`],
      },
      {
        label: 'bracket syntax',
        query: () => [
          ...parts.validQuery(parameter.name),
          `${encodeURIComponent(`${parameter.name}[]`)}=1`,
          `${encodeURIComponent(`${parameter.name}[a]`)}=2`,
        ],
      },
    ];
    if (isDateSchema(parameter.schema ?? {})) {
      for (const date of ['2026-02-31', '0000-01-01'])
        variants.push({
          label: `impossible date '${date}'`,
          query: () => [...parts.validQuery(parameter.name), `${parameter.name}=${date}`],
          refuse: true,
        });
    }
    for (const variant of variants) {
      cases.push({
        name: `query ${parameter.name} = ${variant.label}`,
        allowSuccess: operation.isRead && !variant.refuse,
        request: () => parts.request({ query: variant.query() }),
      });
    }
  }
  // Reads ignore parameters they do not declare; writes refuse them (error-handler.ts), even with a valid body.
  cases.push({
    name: 'query: unknown parameters',
    allowSuccess: operation.isRead,
    request: () => parts.request({ query: [...parts.validQuery(), 'robustness=1', '__proto__=x', 'constructor=y'] }),
  });
  if (!operation.isRead) {
    cases.push({
      name: 'query: page=1e12 on a write that takes no page',
      allowSuccess: false,
      request: () => parts.request({ query: [...parts.validQuery(), 'page=1e12'] }),
    });
  }
  return cases;
}
