export { findUnitsByCodes, getRootUnit, getUnitById, listSubtreeUnitIds, listSubtreeUnits, listUnits, toUnitView } from './service';
export type { UnitView } from './schemas';
