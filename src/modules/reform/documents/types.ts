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

export type ProposalDocumentData = {
  province: string; // "Tỉnh An Giang"
  issuingUnit: string; // the proposing unit, e.g. "Sở Tư pháp"
  parentAuthority: string; // "UBND tỉnh An Giang"
  place: string; // place name for the date line, e.g. "An Giang"
  year: number;
  title: string;
  status: string; // Vietnamese status label, e.g. "Đã trình"
  statusNote: string | null; // e.g. approval reference or rejection reason
  isDemo: boolean; // adds "DỮ LIỆU MẪU" watermark/line
  generatedAt: Date;
  groups: { field: string; rows: ProposalDocumentRow[] }[]; // grouped by field (lĩnh vực)
  totals: {
    timeReduction: number | null;
    costReduction: number | null;
    annualCostBefore: number;
    annualCostAfter: number;
    procedures: number;
    withoutBaseline: number;
  };
  signer: { title: string; name: string | null }; // "GIÁM ĐỐC", name if known
};
