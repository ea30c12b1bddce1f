export type { UnitView } from './schemas';
export { findUnitsByCodes, getRootUnit, getUnitById, listSubtreeUnitIds, listSubtreeUnits, listUnits, toUnitView } from './service';
