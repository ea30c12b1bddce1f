/*
 * The dossiers module's public API (docs/adr/0002-module-walls.md): the demo loader, the benchmark, the jobs and the
 * metrics use dossiers through these exports only.
 */
export { formatDossierCode, nextDossierCode } from './codes';
export { type IntakeOptions, receiveDossier } from './intake';
export { readDossier } from './read-detail';
export { getDossierView, remainingWorkingMinutes } from './view';
