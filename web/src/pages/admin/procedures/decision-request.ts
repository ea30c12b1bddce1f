import type { CreateDecisionRequest } from '../../../../../src/contract/catalog';
import type { DecisionType } from '../../../../../src/contract/enums';
import { ApiError, isApiError } from '../../../api/client';
import { type ProcedureFormValues, toProcedureInput } from './procedure-form-values';

/*
 * The procedure editor publishes through the decision API with one item, as the decision page does: it previews
 * first (POST /api/decisions/preview), shows the summary, and publishes the same request once confirmed.
 */

/** The one-item decision the form describes; `baseVersionNo` is the version edited (null for a new code). */
export function toDecisionRequest(values: ProcedureFormValues, baseVersionNo: number | null): CreateDecisionRequest {
  const { type, ...header } = values.decision;
  const action = type as DecisionType;
  return {
    decision: {
      number: header.number.trim(),
      date: header.date,
      signer: header.signer.trim(),
      signerTitle: header.signerTitle.trim(),
      issuerName: header.issuerName.trim(),
      effectiveDate: header.effectiveDate,
    },
    items: [
      {
        action,
        code: values.code.trim(),
        baseVersionNo,
        ...(action === 'abolished' ? {} : { procedure: toProcedureInput(values.procedure) }),
      },
    ],
  };
}

/** Fields of the decision the publication routine names under an item (its dates are checked per item). */
const decisionFields = new Set(['number', 'date', 'signer', 'signerTitle', 'issuerName', 'effectiveDate']);

/** "items.0.procedure.fees.1.name" → "procedure.fees.1.name"; "items.0.action" → "decision.type". */
export function toFormErrorPath(path: string): string {
  if (!path.startsWith('items.0')) return path;
  const rest = path.replace(/^items\.0\.?/, '');
  if (rest === 'action') return 'decision.type';
  const head = rest.split('.')[0] ?? '';
  return decisionFields.has(head) ? `decision.${rest}` : rest;
}

/** The refusal of a one-item decision, with its paths made paths of the procedure form. */
export function toFormError(error: unknown): unknown {
  if (!isApiError(error)) return error;
  const details = error.details.map((detail) => ({ ...detail, path: toFormErrorPath(detail.path) }));
  return new ApiError(error.status, error.code, error.message, details);
}
