export type { UnitView } from '../../contract/org';
export {
  findUnitsByCodes,
  getRootUnit,
  getUnitById,
  hasUnits,
  listSubtreeUnitIds,
  listSubtreeUnits,
  listUnits,
  toUnitView,
} from './service';
