export type { ReceivingPlace, UnitView } from '../../contract/org';
export { listReceivingPlaces } from './places';
export {
  findUnitsByCodes,
  getRootUnit,
  getUnitById,
  hasUnits,
  listSubtreeUnitIds,
  listSubtreeUnits,
  listUnits,
  listVerticalAgencyUnitCodes,
  toUnitView,
} from './service';
