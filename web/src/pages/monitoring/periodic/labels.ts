/** The texts of the periodic reports' pages (Vietnamese). */
export const t = {
  title: 'Báo cáo định kỳ kiểm soát thủ tục hành chính',
  /** The month's days and due day come from the settings (GET /api/metrics/settings, /api/control-reports/settings). */
  intro: (monthStartDay: number | null, dueDay: number | null) =>
    `Báo cáo tháng (${
      monthStartDay === null
        ? 'số liệu theo tháng báo cáo'
        : monthStartDay === 1
          ? 'số liệu từ ngày 1 đến hết tháng'
          : `số liệu từ ngày ${monthStartDay} tháng trước đến ngày ${monthStartDay - 1}`
    }${dueDay === null ? '' : `, gửi trước ngày ${dueDay}`}), báo cáo quý và năm của bộ phận kiểm soát thủ tục hành chính, kèm Biểu số 06/VPCP/KSTT. Phần đánh giá được điền sẵn từ số liệu, bộ phận sửa lại trước khi ký.`,
  /** "Báo cáo tháng 1 năm 2026", "Báo cáo quý I năm 2026", "Báo cáo năm 2026": the period label already says its kind. */
  reportHeading: (periodLabel: string) => `Báo cáo ${periodLabel}`,
  create: 'Lập báo cáo',
  createHeading: 'Lập báo cáo mới',
  unit: 'Đơn vị báo cáo',
  kind: 'Loại báo cáo',
  year: 'Năm',
  period: 'Kỳ',
  listHeading: 'Các báo cáo',
  empty: 'Chưa có báo cáo nào cho năm này.',
  columns: { period: 'Kỳ báo cáo', unit: 'Đơn vị', days: 'Số liệu', due: 'Hạn gửi', status: 'Trạng thái', open: 'Thao tác' },
  overdue: 'Quá hạn',
  open: 'Mở',
  back: 'Danh sách báo cáo',
  figuresHeading: 'Số liệu của kỳ',
  narrativeHeading: 'Phần đánh giá (III)',
  narrativeHint: 'Nội dung được điền sẵn từ số liệu; mỗi dòng là một đoạn trong văn bản. Sửa, bổ sung rồi lưu trước khi ký.',
  save: 'Lưu nội dung',
  saved: 'Đã lưu.',
  refresh: 'Tính lại số liệu',
  downloadDocx: 'Tải DOCX',
  downloadPdf: 'Xem PDF',
  sign: 'Ký báo cáo',
  signHeading: 'Ký báo cáo',
  signWarning: 'Sau khi ký, số liệu và nội dung báo cáo được khóa, không sửa được nữa.',
  number: 'Số văn bản',
  numberHint: 'Số đăng ký của văn thư, ví dụ 125 (in là "Số: 125/BC-…").',
  signedOn: 'Ngày ký',
  confirmSign: 'Xác nhận ký',
  cancel: 'Hủy',
  signedAs: (number: string, date: string) => `Đã ký: Số ${number}, ngày ${date}.`,
  readOnly: 'Bạn chỉ có quyền xem báo cáo này.',
  figures: {
    received: 'Tiếp nhận mới',
    online: 'Trực tuyến',
    carriedOver: 'Kỳ trước chuyển qua',
    resolved: 'Đã giải quyết',
    onTime: 'Đúng hạn và trước hạn',
    late: 'Quá hạn',
    inProgress: 'Đang giải quyết',
    overdue: 'Đang giải quyết quá hạn',
    index: 'Điểm Bộ chỉ số (QĐ 766)',
    time: 'Cắt giảm thời gian (NQ 66)',
    cost: 'Cắt giảm chi phí (NQ 66)',
  },
};
