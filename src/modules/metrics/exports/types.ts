import type { Bieu06View } from '../../../contract/metrics';

/** The header's left column (NĐ 30/2020 Phụ lục I mục II.3), from the unit tree (src/core/documents/issuing-body.ts). */
export type ReportIssuer = {
  /** Upper case, the body directly above ("UBND TỈNH AN GIANG"); null for an Ủy ban nhân dân. */
  parent: string | null;
  /** Upper case, possibly on two lines ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG"). */
  name: string;
};

/** What the report shows beyond its figures: who reports, to whom. */
export type ReportHeader = {
  issuer: ReportIssuer;
  /** The unit's name in running text ("Sở Tư pháp tỉnh An Giang"). */
  reportingUnit: string;
  /** Who receives the report (TT 01/2020 Điều 6): the provincial office for a unit, the Government Office for the province. */
  receivingUnit: string;
};

/** A render task of the shared pool (src/documents/render-worker.ts). */
export type Bieu06PdfTask = { report: Bieu06View; header: ReportHeader };
