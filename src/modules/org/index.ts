export type { UnitView } from '../../contract/org';
export { findUnitsByCodes, getRootUnit, getUnitById, listSubtreeUnitIds, listSubtreeUnits, listUnits, toUnitView } from './service';
