export type { ReceivingPlace, UnitView } from '../../contract/org';
export { registerUnitMergeHandler, type UnitMergeHandler } from './merge-hooks';
export { listOfficeUnits, type OfficeUnit } from './offices';
export { listReceivingPlaces } from './places';
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
