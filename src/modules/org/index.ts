export type { UnitView } from '../../contract/org';
export {
  findUnitsByCodes,
  findUnitsByIds,
  getRootUnit,
  getUnitById,
  hasUnits,
  listAncestorUnitIds,
  listSubtreeUnitIds,
  listSubtreeUnits,
  listUnits,
  listVerticalAgencyUnitCodes,
  toUnitView,
} from './service';
