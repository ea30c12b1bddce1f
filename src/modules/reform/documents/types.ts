import type { DocumentSigner } from '../../../core/documents/issuing-body';

/** Everything a proposal document shows; built by the proposal service, rendered as DOCX and PDF. */
export type ProposalDocumentRow = {
  procedureCode: string;
  procedureName: string;
  measures: string[]; // Vietnamese labels of the measures, e.g. "Rút ngắn thời gian giải quyết"
  before: { timeText: string; timeHours: number; costPerDossier: number | null; annualCost: number | null } | null; // null: no 2024 baseline
  after: { timeText: string; timeHours: number; costPerDossier: number; annualCost: number };
  timeReduction: number | null; // 0.25 = 25 %
  costReduction: number | null;
  legalText: string | null; // the legal text to amend
  reason: string;
};

/** How the signer signs (NĐ 30/2020 Điều 13): the shared kit's type, src/core/documents/issuing-body.ts. */
export type ProposalSigner = DocumentSigner;

/** The header's left column (Phụ lục I, mục II.3): the issuing body, with the body it belongs to above it. */
export type IssuingBody = {
  /** Upper case: "UBND TỈNH AN GIANG", "BỘ CÔNG AN"; null for a body without one (an Ủy ban nhân dân). */
  parent: string | null;
  /** Upper case, possibly on two lines ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG"): "SỞ TƯ PHÁP", "CÔNG AN TỈNH AN GIANG". */
  name: string;
  /** The body's abbreviation in the document symbol: "STP" in "Số: …/PA-STP", "CAT" in "…/PA-CAT". */
  symbol: string;
  /** Its name in running text: "Sở Tư pháp", "Công an tỉnh An Giang". */
  shortName: string;
};

export type ProposalDocumentData = {
  issuingBody: IssuingBody;
  place: string; // place name for the date line, e.g. "An Giang"
  /** Date of signing (yyyy-mm-dd, Vietnam's calendar), null: not signed yet, the date line is left blank. */
  signedOn: string | null;
  year: number;
  title: string;
  isDemo: boolean; // the demo warning, printed in the page header (outside the text block)
  groups: { field: string; rows: ProposalDocumentRow[] }[]; // grouped by field (lĩnh vực)
  totals: {
    timeReduction: number | null;
    costReduction: number | null;
    annualCostBefore: number;
    annualCostAfter: number;
    procedures: number;
    withoutBaseline: number;
  };
  /** "Nơi nhận:" lines without the dash, e.g. ["UBND tỉnh (qua Văn phòng UBND tỉnh)", "Lưu: VT"]. */
  recipients: string[];
  /** Where the proposal is addressed, in the attachment line: "UBND tỉnh", "Bộ Công an". */
  addressee: string;
  signer: ProposalSigner;
};
