/** What other parts of the system may use of the simplification programme (docs/adr/0002-module-walls.md). */
export { BASELINE_DAY, loadReformRows, type ReformRow, type Snapshot } from './figures';
export { getReformSummary } from './summary-service';
