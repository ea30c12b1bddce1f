import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { assetPath } from '../assets';
import type { ProcedureContentInput } from '../contract/catalog';
import type { UnitType } from '../contract/enums';

export type DemoUnit = {
  code: string;
  name: string;
  shortName: string | null;
  type: UnitType;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  address: string | null;
};

export type DemoProcedure = ProcedureContentInput & { code: string };

/** Placeholders of the catalog fixture: every commune, every commune one-stop desk (see scripts/demo-data). */
export const EVERY_COMMUNE = 'COMMUNE';
export const EVERY_COMMUNE_DESK = 'COMMUNE_DESK';

const fixture = (path: string) => assetPath('src', 'modules', ...path.split('/'));

export function readDemoUnits(): DemoUnit[] {
  const file = JSON.parse(readFileSync(fixture('org/fixtures/demo-units.json'), 'utf8')) as { units: DemoUnit[] };
  return file.units;
}

/**
 * The demo catalog: every province- and commune-level procedure of the national catalog (scripts/demo-data). Read
 * anew on each call, not cached: parsed, it holds about 40 MB that a server would otherwise keep after loading it.
 */
export function readDemoProcedures(): DemoProcedure[] {
  return JSON.parse(gunzipSync(readFileSync(fixture('catalog/fixtures/demo-procedures.json.gz'))).toString('utf8')) as DemoProcedure[];
}

export function readCalendarFile(): unknown {
  return JSON.parse(readFileSync(fixture('calendar/fixtures/vn-calendar-2025-2027.json'), 'utf8'));
}
