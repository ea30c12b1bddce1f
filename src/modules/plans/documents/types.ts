import type { DocumentSigner } from '../../../core/documents/issuing-body';

/** One task in the progress report, with what its reports of the period say (service: progress-report-service.ts). */
export type ProgressTask = {
  ref: string;
  title: string;
  leadUnits: string[];
  deadline: string;
  /** Vietnamese label of the status at the end of the period. */
  statusLabel: string;
  status: 'not_started' | 'in_progress' | 'done' | 'overdue' | 'cancelled';
  /** What was done, report by report, oldest first ("" when no report in the period). */
  results: string[];
  percent: number | null;
  evidence: string[];
};

export type ProgressReportData = {
  issuingBody: { parent: string | null; name: string; symbol: string; shortName: string };
  place: string;
  plan: { number: string | null; date: string | null; title: string };
  from: string;
  to: string;
  tasks: ProgressTask[];
  difficulties: { ref: string; unit: string; text: string }[];
  proposals: { ref: string; unit: string; text: string }[];
  recipients: string[];
  signer: DocumentSigner;
  /**
   * A lead unit's own report on the tasks it leads: the plan's issuer it reports to ("Ủy ban nhân dân tỉnh …"), named
   * in the title and the closing ("kính báo cáo"); absent for the issuer's report on its plan.
   */
  reportsTo?: { name: string } | null;
};
