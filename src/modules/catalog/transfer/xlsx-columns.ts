/**
 * The workbook layout, one table for reading and writing: each column says its header, where its value goes
 * in a row of the JSON format, and how a cell is read and written. docs/formats/catalog.md mirrors this file.
 */

export type Vocabulary = {
  /** What a value means, in the error message listing the accepted words. */
  label: string;
  /** Stored value → the word written in the workbook. */
  words: Record<string, string>;
  /** Other spellings accepted on import (lower case); the stored values themselves are accepted too. */
  aliases?: Record<string, string>;
};

export const levelWords: Vocabulary = {
  label: 'cấp thực hiện',
  words: { province: 'tỉnh', commune: 'xã', ministry: 'bộ' },
  aliases: { 'cấp tỉnh': 'province', 'cấp xã': 'commune', 'cấp bộ': 'ministry' },
};
export const onlineLevelWords: Vocabulary = {
  label: 'mức độ trực tuyến',
  words: { full: 'toàn trình', partial: 'một phần', none: 'không' },
  aliases: { 'trực tuyến toàn trình': 'full', 'trực tuyến một phần': 'partial', 'không trực tuyến': 'none' },
};
export const applicantWords: Vocabulary = {
  label: 'đối tượng',
  words: {
    citizen: 'công dân',
    business: 'doanh nghiệp',
    organization: 'tổ chức',
    foreigner: 'người nước ngoài',
    state_agency: 'cơ quan nhà nước, cán bộ, công chức',
  },
  aliases: { 'cá nhân': 'citizen', 'cơ quan nhà nước': 'state_agency', 'cán bộ, công chức': 'state_agency' },
};
export const channelWords: Vocabulary = {
  label: 'cách thức',
  words: { direct: 'trực tiếp', online: 'trực tuyến', postal: 'bưu chính' },
  aliases: { 'dịch vụ bưu chính': 'postal', 'qua bưu chính': 'postal' },
};
export const timeUnitWords: Vocabulary = {
  label: 'đơn vị thời gian',
  words: { working_days: 'ngày làm việc', working_hours: 'giờ làm việc', calendar_days: 'ngày' },
  aliases: { 'ngày lịch': 'calendar_days' },
};
export const roleWords: Vocabulary = {
  label: 'vai trò',
  words: {
    desk_officer: 'cán bộ tiếp nhận',
    specialist: 'chuyên viên',
    division_head: 'lãnh đạo phòng',
    unit_leader: 'lãnh đạo đơn vị',
    clerk: 'văn thư',
  },
  aliases: { 'tiếp nhận': 'desk_officer', 'trưởng phòng': 'division_head', 'lãnh đạo': 'unit_leader' },
};
export const decisionTypeWords: Vocabulary = {
  label: 'loại quyết định',
  words: { new: 'mới', amended: 'sửa đổi, bổ sung', replaced: 'thay thế', abolished: 'bãi bỏ' },
  aliases: { 'công bố mới': 'new', 'ban hành mới': 'new', 'sửa đổi': 'amended', 'bổ sung': 'amended', 'sửa đổi bổ sung': 'amended' },
};
export const decisionFormWords: Vocabulary = {
  label: 'hình thức công bố',
  words: { full: 'đầy đủ nội dung', list: 'danh mục' },
  aliases: { 'đầy đủ': 'full', 'công bố danh mục': 'list' },
};
export const delegationKindWords: Vocabulary = {
  label: 'hình thức giao thẩm quyền',
  words: { delegation: 'ủy quyền', decentralisation: 'phân cấp' },
  aliases: { 'uỷ quyền': 'delegation' },
};
export const feeKindWords: Vocabulary = { label: 'loại phí', words: { fee: 'phí', charge: 'lệ phí' } };
export const internalGroupWords: Vocabulary = { label: 'nhóm nội bộ', words: { A: 'A', B: 'B' }, aliases: { a: 'A', b: 'B' } };

export const BOOLEAN_WORDS = { yes: 'Có', no: 'Không' } as const;

export type CellKind =
  /** Text that must stay text: procedure and unit codes (Excel turns 2.001410 into the number 2.00141). */
  | { type: 'code' }
  | { type: 'text' }
  | { type: 'integer' }
  | { type: 'number' }
  /** An amount in đồng: 50000, 50.000 and 50,000 all read as fifty thousand. */
  | { type: 'vnd' }
  | { type: 'boolean' }
  | { type: 'date' }
  | { type: 'enum'; vocabulary: Vocabulary }
  /** Several values in one cell, separated by ";" or line breaks. */
  | { type: 'list'; item: 'code' | 'text' | Vocabulary };

export type ColumnSpec = {
  header: string;
  /** Path in a row of the JSON format; "@..." are the sheet's own keys (procedure code, order, methods). */
  path: string;
  kind: CellKind;
  width: number;
  /** The column may be left out of the sheet altogether. */
  isOptional?: boolean;
  /** What an empty cell means when the schema has no default (null rather than "missing"). */
  emptyValue?: null;
};

export type SheetSpec = {
  name: string;
  title: string;
  columns: ColumnSpec[];
  /** Child sheets: where their rows go inside the procedure; rows are ordered by the "@order" column if there is one. */
  listPath?: string;
  /** The sheet may be left out of the workbook. */
  isOptional?: boolean;
};

const text = { type: 'text' } as const;
const code = { type: 'code' } as const;
const boolean = { type: 'boolean' } as const;
const date = { type: 'date' } as const;
const integer = { type: 'integer' } as const;
const number = { type: 'number' } as const;
const enumOf = (vocabulary: Vocabulary) => ({ type: 'enum', vocabulary }) as const;
const listOf = (item: 'code' | 'text' | Vocabulary) => ({ type: 'list', item }) as const;

export const CODE_HEADER = 'Mã thủ tục';
const codeColumn: ColumnSpec = { header: CODE_HEADER, path: '@code', kind: code, width: 13 };
const orderColumn: ColumnSpec = { header: 'STT', path: '@order', kind: integer, width: 6 };

export const procedureSheet: SheetSpec = {
  name: 'ThuTuc',
  title: 'Thủ tục hành chính (mỗi dòng một thủ tục)',
  columns: [
    codeColumn,
    { header: 'Phiên bản', path: 'versionNo', kind: integer, width: 9, isOptional: true },
    { header: 'Tên thủ tục', path: 'procedure.name', kind: text, width: 60 },
    { header: 'Lĩnh vực', path: 'procedure.field', kind: text, width: 28 },
    { header: 'Cấp thực hiện', path: 'procedure.levels', kind: listOf(levelWords), width: 14 },
    { header: 'Cơ quan giải quyết', path: 'procedure.handlingUnitCodes', kind: listOf('code'), width: 30 },
    { header: 'Nơi tiếp nhận', path: 'procedure.receivingUnitCodes', kind: listOf('code'), width: 30 },
    { header: 'Đối tượng', path: 'procedure.applicantTypes', kind: listOf(applicantWords), width: 22 },
    { header: 'Mô tả đối tượng', path: 'procedure.applicantsText', kind: text, width: 30, isOptional: true },
    /** A summary of sheet CachThuc, or — for a procedure without rows there — the channels, with no description. */
    { header: 'Cách thức', path: '@methods', kind: listOf(channelWords), width: 28 },
    { header: 'Thời hạn', path: 'procedure.processingTime.amount', kind: number, width: 9 },
    { header: 'Đơn vị thời hạn', path: 'procedure.processingTime.unit', kind: enumOf(timeUnitWords), width: 15 },
    { header: 'Mô tả thời hạn', path: 'procedure.processingTime.text', kind: text, width: 36, isOptional: true },
    { header: 'Thời hạn ước định', path: 'procedure.processingTime.isDefault', kind: boolean, width: 10, isOptional: true },
    { header: 'Mức độ trực tuyến', path: 'procedure.onlineLevel', kind: enumOf(onlineLevelWords), width: 14 },
    { header: 'Không phụ thuộc địa giới', path: 'procedure.locationIndependent', kind: boolean, width: 12 },
    { header: 'Bưu chính', path: 'procedure.postalEligible', kind: boolean, width: 10 },
    { header: 'Liên quan doanh nghiệp', path: 'procedure.businessRelated', kind: boolean, width: 12 },
    { header: 'Nhóm nội bộ', path: 'procedure.internalGroup', kind: enumOf(internalGroupWords), width: 9 },
    { header: 'Kết quả', path: 'procedure.result', kind: text, width: 40 },
    { header: 'Điều kiện', path: 'procedure.conditions', kind: text, width: 40 },
    { header: 'Số QĐ công bố', path: 'decision.number', kind: text, width: 18 },
    { header: 'Ngày QĐ', path: 'decision.date', kind: date, width: 12 },
    { header: 'Người ký', path: 'decision.signer', kind: text, width: 22 },
    { header: 'Loại QĐ', path: 'decision.type', kind: enumOf(decisionTypeWords), width: 16 },
    { header: 'Ngày hiệu lực', path: 'decision.effectiveDate', kind: date, width: 12 },
    { header: 'Cơ quan ban hành', path: 'decision.issuerName', kind: text, width: 24, isOptional: true },
    { header: 'Mã cơ quan ban hành', path: 'decision.issuerUnitCode', kind: code, width: 16, isOptional: true },
    { header: 'Chức vụ người ký', path: 'decision.signerTitle', kind: text, width: 20, isOptional: true },
    { header: 'Hình thức công bố', path: 'decision.form', kind: enumOf(decisionFormWords), width: 14, isOptional: true },
    { header: 'Ngày công khai CSDL quốc gia', path: 'decision.nationalPublishedOn', kind: date, width: 14, isOptional: true },
    { header: 'Bản ký số', path: 'decision.signedFileUrl', kind: text, width: 24, isOptional: true },
    { header: 'Công bố muộn', path: 'decision.isLatePublication', kind: boolean, width: 10, isOptional: true },
    { header: 'Thay thế mã', path: 'replacesCodes', kind: listOf('code'), width: 16, isOptional: true },
    { header: 'Nguồn', path: 'procedure.source', kind: text, width: 24, isOptional: true },
    { header: 'Đường dẫn nguồn', path: 'procedure.sourceUrl', kind: text, width: 30, isOptional: true },
    { header: 'Trường tự sinh', path: 'procedure.demoGenerated', kind: listOf('text'), width: 16, isOptional: true },
    // Added with the procedure record of issue 10: at the end, so that the columns of older workbooks keep their letters.
    { header: 'Số bộ hồ sơ', path: 'procedure.dossierSets', kind: integer, width: 9, isOptional: true },
    { header: 'Cơ quan có thẩm quyền quyết định', path: 'procedure.decidingAuthority.name', kind: text, width: 28, isOptional: true },
    { header: 'Mã cơ quan quyết định', path: 'procedure.decidingAuthority.unitCode', kind: code, width: 18, isOptional: true },
    // The signed decision uploaded (migration 0017): its file's id and name, the file itself does not travel.
    { header: 'Mã tệp bản ký', path: 'decision.signedFileId', kind: code, width: 38, isOptional: true },
    { header: 'Tên tệp bản ký', path: 'decision.signedFileName', kind: text, width: 30, isOptional: true },
  ],
};

export const childSheets: SheetSpec[] = [
  {
    name: 'CachThuc',
    title: 'Cách thức thực hiện (mỗi dòng một cách thức nộp hồ sơ và mô tả của nó)',
    listPath: 'procedure.methods',
    isOptional: true,
    columns: [
      codeColumn,
      orderColumn,
      { header: 'Cách thức', path: 'channel', kind: enumOf(channelWords), width: 14 },
      { header: 'Mô tả', path: 'description', kind: text, width: 80 },
    ],
  },
  {
    name: 'ThanhPhan',
    title: 'Thành phần hồ sơ',
    listPath: 'procedure.components',
    columns: [
      codeColumn,
      orderColumn,
      { header: 'Tên giấy tờ', path: 'name', kind: text, width: 60 },
      { header: 'Bản chính', path: 'originals', kind: integer, width: 9 },
      { header: 'Bản sao', path: 'copies', kind: integer, width: 9 },
      { header: 'Bắt buộc', path: 'required', kind: boolean, width: 9 },
      { header: 'Mẫu đơn', path: 'formTemplate', kind: text, width: 30 },
      { header: 'Phải số hóa', path: 'mustDigitise', kind: boolean, width: 10 },
      { header: 'Loại giấy tờ tái sử dụng', path: 'reusableDocumentType', kind: text, width: 22 },
      { header: 'Nhóm', path: 'group', kind: text, width: 30 },
      { header: 'Mã tệp mẫu', path: 'formFile.fileId', kind: code, width: 38, isOptional: true },
      { header: 'Tên tệp mẫu', path: 'formFile.name', kind: text, width: 30, isOptional: true },
    ],
  },
  {
    name: 'PhiLePhi',
    title: 'Phí, lệ phí',
    listPath: 'procedure.fees',
    columns: [
      codeColumn,
      orderColumn,
      { header: 'Tên phí, lệ phí', path: 'name', kind: text, width: 40 },
      { header: 'Loại', path: 'kind', kind: enumOf(feeKindWords), width: 9 },
      { header: 'Mức thu (đồng)', path: 'amountVnd', kind: { type: 'vnd' }, width: 14, emptyValue: null },
      { header: 'Mô tả', path: 'text', kind: text, width: 50 },
    ],
  },
  {
    name: 'TrinhTu',
    title: 'Trình tự thực hiện',
    listPath: 'procedure.steps',
    columns: [codeColumn, orderColumn, { header: 'Nội dung bước', path: '', kind: text, width: 100 }],
  },
  {
    name: 'CanCu',
    title: 'Căn cứ pháp lý',
    listPath: 'procedure.legalBasis',
    columns: [
      codeColumn,
      orderColumn,
      { header: 'Số hiệu văn bản', path: 'number', kind: text, width: 24 },
      { header: 'Trích yếu', path: 'title', kind: text, width: 70 },
      { header: 'Ngày ban hành', path: 'date', kind: date, width: 13 },
      { header: 'Ngày có hiệu lực', path: 'effectiveDate', kind: date, width: 13, isOptional: true },
    ],
  },
  {
    name: 'QuyTrinh',
    title: 'Quy trình nội bộ (thời gian các bước cộng lại bằng thời hạn giải quyết)',
    listPath: 'procedure.processTemplate',
    columns: [
      codeColumn,
      { header: 'Bước', path: 'order', kind: integer, width: 7 },
      { header: 'Tên bước', path: 'name', kind: text, width: 40 },
      { header: 'Vai trò', path: 'role', kind: enumOf(roleWords), width: 18 },
      { header: 'Đơn vị thực hiện', path: 'unitCode', kind: code, width: 22, emptyValue: null },
      { header: 'Thời gian', path: 'budget.amount', kind: number, width: 10 },
      { header: 'Đơn vị thời gian', path: 'budget.unit', kind: enumOf(timeUnitWords), width: 15 },
    ],
  },
  {
    name: 'PhoiHop',
    title: 'Cơ quan phối hợp (liên thông): tên cơ quan, và mã đơn vị nếu là đơn vị trong hệ thống',
    listPath: 'procedure.coordinatingAgencies',
    isOptional: true,
    columns: [
      codeColumn,
      orderColumn,
      { header: 'Mã đơn vị', path: 'unitCode', kind: code, width: 18, emptyValue: null },
      { header: 'Tên cơ quan', path: 'name', kind: text, width: 50 },
    ],
  },
  {
    name: 'UyQuyen',
    title: 'Ủy quyền, phân cấp thẩm quyền giải quyết',
    listPath: 'procedure.delegations',
    isOptional: true,
    columns: [
      codeColumn,
      orderColumn,
      { header: 'Hình thức', path: 'kind', kind: enumOf(delegationKindWords), width: 12 },
      { header: 'Bên giao', path: 'from', kind: text, width: 30 },
      { header: 'Bên nhận', path: 'to', kind: text, width: 30 },
      { header: 'Căn cứ', path: 'legalBasis', kind: text, width: 40 },
    ],
  },
  {
    name: 'MauKetQua',
    title: 'Mẫu kết quả thực hiện (tệp đính kèm)',
    listPath: 'procedure.resultTemplates',
    isOptional: true,
    columns: [
      codeColumn,
      orderColumn,
      { header: 'Tên mẫu', path: 'name', kind: text, width: 50 },
      { header: 'Mã tệp', path: 'file.fileId', kind: code, width: 38 },
      { header: 'Tên tệp', path: 'file.name', kind: text, width: 30 },
    ],
  },
];

export const vocabularies: Vocabulary[] = [
  levelWords,
  applicantWords,
  channelWords,
  timeUnitWords,
  onlineLevelWords,
  decisionTypeWords,
  decisionFormWords,
  feeKindWords,
  roleWords,
  delegationKindWords,
];
