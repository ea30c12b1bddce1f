// Handling units, receiving desks and the generated process template of one procedure.

import { bodyDeskCode, findBody, provinceCode, provincialCentreCode, unitCodeOf } from './org-units';
import type { ProcedureLevel, ProcessingTime, ProcessTemplateStep } from './procedure-input';
import { COMMUNE, COMMUNE_DESK } from './procedure-input';
import { buildProcessTemplate, communeSteps, provinceDecisionSteps, type RouteUnits, standardSteps } from './process-template';
import {
  assignUnit,
  CENTRAL_AGENCIES,
  COMMUNE_LEVEL_DIVISION,
  isDecidedByProvince,
  namesCommuneUbnd,
  OWN_DESK_ONLY,
  reviewingDivisionOf,
  type UnitAssignment,
} from './unit-mapping';

export interface ProcedureRoute {
  assignment: UnitAssignment;
  decidedByProvince: boolean;
  handlingUnitCodes: string[];
  receivingUnitCodes: string[];
  processTemplate: ProcessTemplateStep[];
}

interface RouteInput {
  field: string;
  agency: string;
  name: string;
  levels: ProcedureLevel[];
  time: ProcessingTime;
}

const unique = (codes: string[]): string[] => [...new Set(codes)];

function clerkUnitOf(bodyKey: string): string {
  const body = findBody(bodyKey);
  return body.divisions.some((division) => division.key === 'office') ? unitCodeOf(`${bodyKey}.office`) : unitCodeOf(bodyKey);
}

function provinceRoute(ref: string, bodyKey: string): RouteUnits {
  const isOwnDesk = CENTRAL_AGENCIES.includes(bodyKey);
  return {
    desk: isOwnDesk ? bodyDeskCode(findBody(bodyKey).number) : provincialCentreCode(),
    division: unitCodeOf(ref),
    unit: unitCodeOf(bodyKey),
    clerkUnit: clerkUnitOf(bodyKey),
  };
}

function communeCentralRoute(ref: string, bodyKey: string): RouteUnits {
  const divisionRef = COMMUNE_LEVEL_DIVISION[bodyKey] ?? ref;
  const desk = OWN_DESK_ONLY.includes(bodyKey) ? bodyDeskCode(findBody(bodyKey).number) : COMMUNE_DESK;
  return { desk, division: unitCodeOf(divisionRef), unit: unitCodeOf(bodyKey), clerkUnit: clerkUnitOf(bodyKey) };
}

export function routeProcedure(input: RouteInput): ProcedureRoute {
  const assignment = assignUnit(input.field, input.agency, input.name);
  const bodyKey = assignment.ref.split('.')[0] ?? 'pco';
  const isCentral = CENTRAL_AGENCIES.includes(bodyKey);
  const hasProvince = input.levels.includes('province');
  const hasCommune = input.levels.includes('commune');
  const communeByCentral = hasCommune && isCentral && !namesCommuneUbnd(input.agency);
  const decidedByProvince = hasProvince && !isCentral && isDecidedByProvince(input.agency);

  const province = hasProvince ? provinceRoute(assignment.ref, bodyKey) : null;
  const communeCentral = communeByCentral ? communeCentralRoute(assignment.ref, bodyKey) : null;
  const handlingUnitCodes = unique([
    ...(province ? [province.unit] : []),
    ...(decidedByProvince ? [provinceCode()] : []),
    ...(hasCommune ? [communeCentral ? communeCentral.unit : COMMUNE] : []),
  ]);
  const receivingUnitCodes = unique([
    ...(province ? [province.desk] : []),
    ...(hasCommune ? [communeCentral ? communeCentral.desk : COMMUNE_DESK] : []),
  ]);

  let steps: ReturnType<typeof standardSteps>;
  if (province && decidedByProvince) {
    steps = provinceDecisionSteps(province, {
      reviewDivision: unitCodeOf(reviewingDivisionOf(bodyKey)),
      provinceOffice: unitCodeOf('pco'),
      province: provinceCode(),
    });
  } else if (province) steps = standardSteps(province);
  else if (communeCentral) steps = standardSteps(communeCentral);
  else steps = communeSteps(COMMUNE_DESK, COMMUNE);

  return {
    assignment,
    decidedByProvince,
    handlingUnitCodes,
    receivingUnitCodes,
    processTemplate: buildProcessTemplate(input.time, steps),
  };
}
