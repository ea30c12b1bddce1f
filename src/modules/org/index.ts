export { findUnitsByCodes, getUnitById, listSubtreeUnitIds, listUnits } from './service';
export type { UnitView } from './schemas';
