/*
 * The dossiers module's public API (docs/adr/0002-module-walls.md): the demo loader, the benchmark, the jobs and the
 * metrics use dossiers through these exports only.
 */

export { type ActionOptions, performAction } from './actions/perform';
export { formatDossierCode, nextDossierCode } from './codes';
export { DOSSIER_FILE_MAX_BYTES, DOSSIER_MEDIA_TYPES, uploadDossierFile } from './dossier-files';
export { listInbox, maskTail } from './inbox';
export { type IntakeOptions, receiveDossier } from './intake';
export {
  countReceivedDossiersByProcedure,
  lastTwelveMonths,
  type MeasurementPeriod,
  measuredMedianProcessingTime,
  measuredProcessing,
  measuredReceipts,
  measuredSubjectsPerYear,
  measureProcessingMinutes,
} from './measures';
export { listMyDossiers, submitOnlineDossier } from './my-dossiers';
export { receiveFromNationalPortal, signPortalBody } from './national-portal';
export { lookupDossierStatus } from './public-status';
export { readDossier, readMyDossier } from './read-detail';
export { markOverdueDossiers, remindApologies, sweepDossiers, warnNearDueSteps } from './sweeps';
export { getDossierView, remainingWorkingMinutes } from './view';
