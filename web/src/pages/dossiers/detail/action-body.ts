import type { DossierAction } from '../../../../../src/contract/enums';
import type { DossierActionRequest } from '../../../api/dossiers';
import { uploadDossierFile } from '../../../api/dossiers';
import { emptyToNull } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';
import { type ActionValues, REASON_ACTIONS } from './action-fields';

/** The checks the form makes before sending (the server checks again, in Vietnamese too). */
export function validateAction(action: DossierAction, values: ActionValues): Partial<Record<keyof ActionValues, string>> {
  const errors: Partial<Record<keyof ActionValues, string>> = {};
  const required = vi.common.required;
  if (REASON_ACTIONS.includes(action) && !values.reason.trim()) errors.reason = required;
  if (action === 'send_back' && !values.comment.trim()) errors.comment = required;
  if (action === 'assign' && !values.assigneeId) errors.assigneeId = required;
  if (action === 'consult') {
    if (!values.consultQuestion.trim()) errors.consultQuestion = required;
    if (!values.consultDueDate) errors.consultDueDate = required;
    if (!values.consultUnitCode.trim() && !values.consultAgencyName.trim()) errors.consultAgencyName = required;
  }
  if (action === 'consult_reply') {
    if (!values.consultationId) errors.consultationId = required;
    if (!values.reply.trim()) errors.reply = required;
  }
  if (action === 'apologize' && !values.newDueDate) errors.newDueDate = required;
  return errors;
}

/** The request body of one action: its own fields, the dossier's `version` and the comment. */
export async function buildActionBody(action: DossierAction, values: ActionValues, version: number): Promise<DossierActionRequest> {
  const comment = emptyToNull(values.comment);
  const base = { version, comment };
  switch (action) {
    case 'request_supplement':
      return {
        action,
        ...base,
        reason: values.reason.trim(),
        positions: values.positions.map(Number),
        items: values.items
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      };
    case 'refuse':
    case 'stop':
      return { action, ...base, reason: values.reason.trim() };
    case 'apologize':
      return { action, ...base, reason: values.reason.trim(), newDueDate: values.newDueDate };
    case 'transfer':
      return { action, ...base, toUnitCode: emptyToNull(values.toUnitCode) };
    case 'assign':
      return { action, ...base, assigneeId: values.assigneeId };
    case 'send_back':
      return { action, version, comment: values.comment.trim() };
    case 'consult':
      return {
        action,
        ...base,
        consultations: [
          {
            unitCode: emptyToNull(values.consultUnitCode),
            agencyName: emptyToNull(values.consultAgencyName),
            question: values.consultQuestion.trim(),
            dueDate: values.consultDueDate,
          },
        ],
      };
    case 'consult_reply':
      return { action, version, consultationId: values.consultationId, reply: values.reply.trim() };
    case 'issue_result': {
      const stored = await Promise.all(values.resultFiles.map((file) => uploadDossierFile(file)));
      return {
        action,
        ...base,
        resultNumber: emptyToNull(values.resultNumber),
        resultFileIds: stored.map((file) => file.id),
        isElectronic: values.isElectronic,
      };
    }
    case 'return_result':
      return { action, ...base, method: values.method as 'desk' | 'online' | 'postal' };
    case 'accept':
    case 'resume':
    case 'submit_for_review':
    case 'approve':
      return { action, ...base };
  }
}
