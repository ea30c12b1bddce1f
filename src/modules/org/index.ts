export type { UnitView } from '../../contract/org';
export {
  findUnitsByCodes,
  findUnitsByIds,
  getRootUnit,
  getUnitById,
  hasUnits,
  listSubtreeUnitIds,
  listSubtreeUnits,
  listUnits,
  listVerticalAgencyUnitCodes,
  toUnitView,
} from './service';
