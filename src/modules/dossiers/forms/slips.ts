import type { Column, Content } from 'pdfmake/interfaces';
import type { DossierView } from '../../../contract/dossiers';
import { apologyEvent, refusalEvent, stopEvent, supplementEvent } from './applicability';
import {
  applicantName,
  collectionPlace,
  componentRows,
  describeTime,
  deskName,
  eventItems,
  eventPositions,
  eventReason,
  idLabel,
  intakeEvent,
  representativeText,
} from './facts';
import { formatFormDateTime, formatPlaceDate } from './format';
import { field, masthead, paragraph, signatureBlock, signatures, table, title, A4_PORTRAIT_CONTENT_MM as WIDTH } from './kit';
import type { FormHeader } from './types';

/** The QR code of Mẫu 01: the public status page of this dossier (pdfmake's built-in `qr` node). */
function qrCode(url: string): Column {
  return {
    stack: [
      { qr: url, fit: 82, alignment: 'center', eccLevel: 'M' },
      { text: 'Quét mã để tra cứu tình trạng hồ sơ', alignment: 'center', fontSize: 9, italics: true, margin: [0, 2, 0, 0] },
    ],
    width: 110,
  };
}

function applicantLines(view: DossierView): Content[] {
  const { applicant } = view;
  return [
    field(view.applicant.kind === 'individual' ? 'Tiếp nhận hồ sơ của' : 'Tiếp nhận hồ sơ của tổ chức', applicantName(view)),
    field(idLabel(view), applicant.idNumber),
    field('Địa chỉ', applicant.address),
    field('Số điện thoại', applicant.phone),
    field('Thư điện tử', applicant.email),
    ...(applicant.representative ? [field('Người được ủy quyền', representativeText(view))] : []),
  ];
}

function mastheadFor(header: FormHeader, numberLine: string, onInstant: string): Content {
  return masthead(header.issuer, { numberLine, placeDate: formatPlaceDate(header.place, onInstant), contentWidthMm: WIDTH });
}

function officer(heading: string, name: string | null): Content[] {
  return signatureBlock([heading], name);
}

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export function receiptContent(view: DossierView, header: FormHeader): Content[] {
  const received = view.receivedAt!;
  const intake = intakeEvent(view);
  const receiver = view.events.find((event) => event.action === 'receive' || event.action === 'accept');
  const rows = componentRows(view);
  return [
    mastheadFor(header, 'Số: ……/TNHS', received),
    ...title(['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${view.code}`]),
    {
      columns: [
        { width: '*', stack: [field('Bộ phận tiếp nhận và trả kết quả', deskName(view), 8), ...applicantLines(view)] },
        qrCode(header.statusUrl),
      ],
      columnGap: 8,
    },
    field('Nội dung yêu cầu giải quyết', `${view.procedure.name}${view.requestSummary ? ` — ${view.requestSummary}` : ''}`),
    paragraph('1. Thành phần hồ sơ nộp gồm:', { spaceBefore: 4 }),
    table([10, '*', 34, 40], ['STT', 'Tên giấy tờ', 'Số lượng', 'Hình thức'], rows.length ? rows : [['', 'Không có', '', '']]),
    field('2. Số lượng hồ sơ', '01 (một) bộ', 4),
    field('3. Thời gian giải quyết hồ sơ theo quy định', describeTime(view.statutoryTime ?? view.time)),
    ...(view.time && view.statutoryTime && describeTime(view.time) !== describeTime(view.statutoryTime)
      ? [field('    Thời gian giải quyết theo cam kết của cơ quan', describeTime(view.time))]
      : []),
    field('4. Thời gian nhận hồ sơ', formatFormDateTime(received)),
    field('5. Thời gian trả kết quả giải quyết hồ sơ', formatFormDateTime(view.appointmentDueAt!)),
    field('6. Đăng ký nhận kết quả tại', collectionPlace(view)),
    paragraph(
      header.bookEntry
        ? `Vào Sổ theo dõi hồ sơ, Quyển số: ${header.bookEntry.book}   Số thứ tự: ${header.bookEntry.line}`
        : 'Vào Sổ theo dõi hồ sơ, Quyển số: …… Số thứ tự: ……',
      { spaceBefore: 3 },
    ),
    signatures(officer('NGƯỜI NỘP HỒ SƠ', null), officer('NGƯỜI TIẾP NHẬN HỒ SƠ', receiver?.actorName ?? intake?.actorName ?? null), WIDTH),
  ];
}

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export function supplementContent(view: DossierView, header: FormHeader): Content[] {
  const event = supplementEvent(view)!;
  const names = new Map(view.components.map((component) => [component.position, component.name]));
  const asked = [...eventPositions(event).map((position) => names.get(position) ?? `Thành phần số ${position + 1}`), ...eventItems(event)];
  return [
    mastheadFor(header, 'Số: ……/PYCBS', event.occurredAt),
    ...title(['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', `Mã hồ sơ: ${view.code}`]),
    field('Hồ sơ của', applicantName(view), 8),
    field(idLabel(view), view.applicant.idNumber),
    field('Địa chỉ', view.applicant.address),
    field('Số điện thoại', view.applicant.phone),
    field('Thủ tục hành chính', view.procedure.name),
    field('Thời gian nhận hồ sơ', formatFormDateTime(view.receivedAt ?? view.submittedAt)),
    paragraph('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', { spaceBefore: 6 }),
    ...(asked.length ? asked : ['Theo lý do nêu dưới đây.']).map((item, index) => paragraph(`${index + 1}. ${item}`, { indentMm: 5 })),
    field('Lý do', eventReason(event), 4),
    paragraph('Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với Bộ phận tiếp nhận và trả kết quả để được hướng dẫn.', {
      spaceBefore: 6,
    }),
    signatures(null, officer('NGƯỜI HƯỚNG DẪN', event.actorName), WIDTH),
  ];
}

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export function refusalContent(view: DossierView, header: FormHeader): Content[] {
  const event = refusalEvent(view)!;
  return [
    mastheadFor(header, 'Số: ……/PTC', event.occurredAt),
    ...title(['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${view.code}`]),
    paragraph(
      `${deskName(view)} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính "${view.procedure.name}" của ${applicantName(view)}` +
        ` (${idLabel(view)}: ${view.applicant.idNumber}; địa chỉ: ${view.applicant.address ?? '…'}).`,
      { spaceBefore: 10, indentMm: 10 },
    ),
    paragraph('Sau khi xem xét, căn cứ quy định, hồ sơ không đủ điều kiện giải quyết với lý do sau:', { indentMm: 10 }),
    paragraph(eventReason(event) ?? '…', { indentMm: 10, italics: true }),
    paragraph(`Thời gian: ${formatFormDateTime(event.occurredAt)}.`, { indentMm: 10 }),
    paragraph('Xin thông báo để ông/bà (tổ chức) được biết và thực hiện.', { indentMm: 10, spaceBefore: 6 }),
    signatures(null, officer('NGƯỜI TIẾP NHẬN HỒ SƠ', event.actorName), WIDTH),
  ];
}

/** Mẫu 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (the handling unit). */
export function apologyContent(view: DossierView, header: FormHeader): Content[] {
  const event = apologyEvent(view)!;
  const previous = typeof event.data.previousDueAt === 'string' ? event.data.previousDueAt : view.appointmentDueAt;
  return [
    mastheadFor(header, 'Số: ……/XL', event.occurredAt),
    ...title(['VĂN BẢN XIN LỖI', 'và đề nghị gia hạn thời gian giải quyết', `Mã hồ sơ: ${view.code}`]),
    paragraph(`Kính gửi: ${applicantName(view)}.`, { spaceBefore: 10, indentMm: 10 }),
    paragraph(
      `${view.receivedAt ? `Vào ${formatFormDateTime(view.receivedAt)}` : 'Trước đây'}, ${deskName(view)} đã tiếp nhận hồ sơ ` +
        `đề nghị giải quyết thủ tục hành chính "${view.procedure.name}" (mã hồ sơ ${view.code}). ` +
        `Thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả là ${previous ? formatFormDateTime(previous) : '…'}.`,
      { indentMm: 10 },
    ),
    paragraph(`Tuy nhiên, đến nay ${header.issuer.shortName} chưa trả kết quả giải quyết hồ sơ đúng hạn. Lý do:`, { indentMm: 10 }),
    paragraph(eventReason(event) ?? '…', { indentMm: 10, italics: true }),
    paragraph(
      `${header.issuer.shortName} xin lỗi ông/bà (tổ chức) vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết; ` +
        `thời hạn trả kết quả mới là ` +
        `${view.dueAt ? formatFormDateTime(view.dueAt) : '…'}.`,
      { indentMm: 10 },
    ),
    paragraph('Trân trọng./.', { indentMm: 10, spaceBefore: 6 }),
    signatures(null, officer('THỦ TRƯỞNG CƠ QUAN', event.actorName), WIDTH),
  ];
}

/** Mẫu 05: Thông báo dừng giải quyết hồ sơ (on the applicant's request, before a result). */
export function stopContent(view: DossierView, header: FormHeader): Content[] {
  const event = stopEvent(view)!;
  return [
    mastheadFor(header, 'Số: ……/TB', event.occurredAt),
    ...title(['THÔNG BÁO', 'Dừng giải quyết hồ sơ', `Mã hồ sơ: ${view.code}`]),
    paragraph(`Kính gửi: ${applicantName(view)}.`, { spaceBefore: 10, indentMm: 10 }),
    paragraph(
      `${deskName(view)} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính "${view.procedure.name}" ` +
        `(mã hồ sơ ${view.code}) vào lúc ${formatFormDateTime(view.receivedAt ?? view.submittedAt)}.`,
      { indentMm: 10 },
    ),
    paragraph(`Theo đề nghị của ông/bà (tổ chức), việc giải quyết hồ sơ được dừng từ ${formatFormDateTime(event.occurredAt)}. Lý do:`, {
      indentMm: 10,
    }),
    paragraph(eventReason(event) ?? '…', { indentMm: 10, italics: true }),
    paragraph('Hồ sơ và giấy tờ đã nộp được trả lại theo quy định. Xin thông báo để ông/bà (tổ chức) được biết.', {
      indentMm: 10,
      spaceBefore: 6,
    }),
    signatures(null, officer('NGƯỜI TIẾP NHẬN HỒ SƠ', event.actorName), WIDTH),
  ];
}
