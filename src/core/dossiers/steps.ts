/**
 * What a step of a dossier's process is for, from its role and its place (docs/api/dossiers.md "Steps"), and which
 * actions apply to it. Pure: no I/O.
 */
import type { DossierAction, ProcessRole } from '../../contract/enums';

export type StepKind = 'desk' | 'assignment' | 'appraisal' | 'review' | 'approval' | 'issue' | 'return';

export interface StepShape {
  role: ProcessRole;
}

/**
 * - desk officer: the last step is the return, any other the desk's receive-and-transfer;
 * - specialist: appraisal; clerk: issue;
 * - division head / unit leader: before any specialist step it assigns; after one, a division head reviews and a
 *   unit leader approves.
 */
export function stepKind(steps: readonly StepShape[], index: number): StepKind {
  const step = steps[index];
  if (!step) throw new RangeError(`No step at ${index}`);
  if (step.role === 'desk_officer') return index === steps.length - 1 && index > 0 ? 'return' : 'desk';
  if (step.role === 'specialist') return 'appraisal';
  if (step.role === 'clerk') return 'issue';
  const afterSpecialist = steps.slice(0, index).some((earlier) => earlier.role === 'specialist');
  if (!afterSpecialist) return 'assignment';
  return step.role === 'division_head' ? 'review' : 'approval';
}

/** The step that issues the result: the clerk's, or else the last step before the return (or the last step). */
export function isIssuingStep(steps: readonly StepShape[], index: number): boolean {
  const kind = stepKind(steps, index);
  if (kind === 'issue') return true;
  if (kind === 'return' || steps.some((step) => step.role === 'clerk')) return false;
  const next = steps[index + 1];
  return next === undefined || stepKind(steps, index + 1) === 'return';
}

/** The step actions (those that act on the active step) and the kinds of step each applies to. */
export const STEP_ACTION_KINDS: Readonly<Partial<Record<DossierAction, readonly StepKind[]>>> = {
  transfer: ['desk'],
  assign: ['assignment', 'appraisal'],
  submit_for_review: ['appraisal'],
  send_back: ['review', 'approval'],
  approve: ['review', 'approval', 'assignment'],
  issue_result: ['issue', 'review', 'approval', 'appraisal', 'assignment', 'desk'],
  return_result: ['return'],
};

/** Whether a step action applies to the step at `index` (the issuing rule decides issue_result and approve). */
export function actionAppliesToStep(action: DossierAction, steps: readonly StepShape[], index: number): boolean {
  const kinds = STEP_ACTION_KINDS[action];
  if (!kinds) return true;
  const kind = stepKind(steps, index);
  if (!kinds.includes(kind)) return false;
  if (action === 'issue_result') return isIssuingStep(steps, index);
  if (action === 'approve') return !isIssuingStep(steps, index);
  if (action === 'send_back') return previousSpecialistIndex(steps, index) !== null;
  if (action === 'assign' && kind === 'assignment') return steps.slice(index + 1).some((step) => step.role === 'specialist');
  return true;
}

/** The specialist step a review sends back to: the nearest specialist step before `index`. */
export function previousSpecialistIndex(steps: readonly StepShape[], index: number): number | null {
  for (let earlier = index - 1; earlier >= 0; earlier -= 1) {
    if (steps[earlier]?.role === 'specialist') return earlier;
  }
  return null;
}

/** The specialist step an assignment names the assignee of: the next specialist step (or the active one). */
export function assignedStepIndex(steps: readonly StepShape[], index: number): number | null {
  if (steps[index]?.role === 'specialist') return index;
  for (let later = index + 1; later < steps.length; later += 1) {
    if (steps[later]?.role === 'specialist') return later;
  }
  return null;
}
