import type {
  ControlReportFigures,
  ControlReportKind,
  ControlReportNarrative,
  ControlReportSigner,
} from '../../../contract/control-reports';

/** Everything a periodic report's document shows; built by the service, rendered as DOCX and PDF on the render pool. */
export type ControlReportDocumentData = {
  issuingBody: { parent: string | null; name: string; symbol: string; shortName: string };
  place: string;
  number: string | null;
  signedOn: string | null;
  kind: ControlReportKind;
  /** "tháng 3 năm 2026", "quý I năm 2026". */
  periodText: string;
  from: string;
  to: string;
  figures: ControlReportFigures;
  narrative: ControlReportNarrative;
  recipients: string[];
  signer: ControlReportSigner;
  isDraft: boolean;
};
