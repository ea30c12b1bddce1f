import type { DossierView } from '../../../contract/dossiers';

/** The forms of Thông tư 03/2025/TT-VPCP made per dossier (Mẫu 07, the tracking book, is per unit and period). */
export const dossierFormNumbers = ['01', '02', '03', '04', '05', '06'] as const;
export type DossierFormNumber = (typeof dossierFormNumbers)[number];

/** The header's left column (NĐ 30/2020 Phụ lục I mục II.3), from the unit tree (src/core/documents/issuing-body.ts). */
export type FormIssuer = {
  /** Upper case, the body directly above ("UBND TỈNH AN GIANG"); null for an Ủy ban nhân dân. */
  parent: string | null;
  /** Upper case, possibly on two lines ("ỦY BAN NHÂN DÂN\nXÃ MỸ HÒA HƯNG"). */
  name: string;
  /** In running text: "Sở Tư pháp". */
  shortName: string;
};

/** A dossier's place in its receiving unit's tracking book: the book (the Vietnam year of receipt) and the line. */
export type BookEntry = { book: string; line: number };

/** What a form shows beyond the dossier: who issues it, where, and the public lookup for the QR code. */
export type FormHeader = {
  /** The body issuing the form: the receiving desk's (Mẫu 01–03, 05) or the handling unit's (Mẫu 04, 06). */
  issuer: FormIssuer;
  /** The province's name for the date line ("An Giang"). */
  place: string;
  /** `<PUBLIC_BASE_URL>/tra-cuu-ho-so?ma=<code>` (Mẫu 01's QR code). */
  statusUrl: string;
  /** Mẫu 01's "Quyển số / Số thứ tự" (book-lines.ts); absent: dotted lines to write by hand. */
  bookEntry?: BookEntry | null;
};

export type DossierFormTask =
  | { form: DossierFormNumber; view: DossierView; header: FormHeader }
  | { form: '07'; book: TrackingBook; header: FormHeader };

/** One line of Mẫu 07, Sổ theo dõi hồ sơ. */
export type TrackingBookRow = {
  /** The dossier's book and line (the same as on its Mẫu 01); null when never received. */
  book: BookEntry | null;
  code: string;
  procedureName: string;
  applicantName: string;
  /** Address and phone as one cell ("Số 5 Trần Hưng Đạo; 0912345678"). */
  applicantContact: string;
  leadAgency: string;
  receivedAt: string | null;
  dueAt: string | null;
  returnedAt: string | null;
  /** How the result went back ("Tại Bộ phận Một cửa"), or why there is none ("Từ chối tiếp nhận"). */
  returnNote: string;
};

export type TrackingBook = {
  unitName: string;
  /** yyyy-mm-dd, Vietnam's calendar, both included. */
  from: string;
  to: string;
  rows: TrackingBookRow[];
};
