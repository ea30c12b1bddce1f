import type { IndicatorKey } from '../../api/reform-types';

type FigureText = (numerator: string, denominator: string) => string;

/** The targets dashboard of the NQ 66 programme and its detail page. */
export const reformTargets = {
  title: 'Bảng mục tiêu cắt giảm TTHC',
  intro: 'Tiến độ thực hiện mục tiêu của Nghị quyết 66/NQ-CP, so với năm 2024.',
  filtersLabel: 'Chọn đơn vị, năm và cách tính',
  unit: 'Đơn vị',
  unitPlaceholder: 'Gõ để tìm đơn vị',
  unitNothingFound: 'Không tìm thấy đơn vị',
  year: 'Năm',
  method: 'Cách tính tỷ lệ giảm',
  demoTitle: 'Dữ liệu mẫu',
  demoText:
    'Một phần số liệu trên trang này là dữ liệu mẫu, sinh tự động để minh họa, chưa phải số liệu thật của đơn vị.',
  indicatorsHeading: (unit: string, year: number) => `Các chỉ tiêu của ${unit}, năm ${year}`,
  reduced: (value: string, target: string) => `Đã giảm ${value} / mục tiêu ${target}`,
  reached: (value: string, target: string) => `Đạt ${value} / mục tiêu ${target}`,
  noValue: 'Chưa có số liệu',
  noTarget: 'chưa đặt',
  progress: (label: string) => `Tiến độ so với mục tiêu: ${label}`,
  targetSource: (source: string) => `Nguồn mục tiêu: ${source}`,
  noTargetSource: 'Chưa có văn bản đặt mục tiêu cho chỉ tiêu này.',
  details: 'Xem chi tiết',
  /** numerator and denominator of each indicator, in words. */
  figures: {
    time_reduction: (current, baseline) => `Tổng thời gian 2024: ${baseline} → hiện nay ${current}`,
    cost_reduction: (current, baseline) => `Tổng chi phí tuân thủ cả năm 2024: ${baseline}/năm → hiện nay ${current}/năm`,
    business_procedures_online: (count, total) =>
      `${count} trên ${total} TTHC liên quan đến doanh nghiệp được thực hiện trực tuyến`,
    location_independent: (count, total) => `${count} trên ${total} TTHC thực hiện không phụ thuộc địa giới hành chính`,
    internal_procedures_published: (count, total) => `${count} trên ${total} TTHC nội bộ đã được rà soát, công bố`,
    internal_procedures_electronic: (count, total) =>
      `${count} trên ${total} TTHC nội bộ được thực hiện trên môi trường điện tử`,
    business_conditions_cut: (count, total) =>
      `Đã cắt giảm, đơn giản hóa ${count} trên ${total} điều kiện kinh doanh không cần thiết`,
    business_reporting_electronic: (count, total) =>
      `${count} trên ${total} chế độ báo cáo của doanh nghiệp được thực hiện điện tử`,
  } satisfies Record<IndicatorKey, FigureText>,
  /** Unweighted, the cost indicator adds up the cost of one dossier of each procedure. */
  costPerDossierFigures: (current: string, baseline: string) =>
    `Tổng chi phí một hồ sơ của các thủ tục 2024: ${baseline} → hiện nay ${current}`,
  perDossier: (amount: string) => `${amount}/hồ sơ`,
  weightedFigures: '(đã nhân với số hồ sơ của từng thủ tục)',
  chart: {
    heading: 'Tỷ lệ giảm theo đơn vị',
    caption: 'Tỷ lệ giảm thời gian và chi phí tuân thủ của từng đơn vị so với mục tiêu. Số liệu đầy đủ ở bảng bên dưới.',
    time: 'Giảm thời gian',
    cost: 'Giảm chi phí',
    target: (value: string) => `Mục tiêu ${value}`,
    timeTarget: (value: string) => `Mục tiêu thời gian ${value}`,
    costTarget: (value: string) => `Mục tiêu chi phí ${value}`,
    unitKind: 'Loại đơn vị trên biểu đồ',
    kindOption: (kind: string, count: number) => `${kind} (${count})`,
  },
  children: {
    heading: 'Các đơn vị trực thuộc',
    caption: 'Các đơn vị trực thuộc, đơn vị còn nhiều chỉ tiêu chưa đạt xếp trước. Chọn tên đơn vị để xem bảng mục tiêu của đơn vị.',
    empty: 'Đơn vị này không có đơn vị trực thuộc giải quyết TTHC.',
    unit: 'Đơn vị',
    procedures: 'Số TTHC',
    timeReduction: 'Giảm thời gian',
    costReduction: 'Giảm chi phí',
    indicatorsBehind: 'Chỉ tiêu chưa đạt',
    allMet: 'Đạt tất cả',
  },
  proposals: {
    heading: 'Phương án của đơn vị',
    empty: (year: number) => `Đơn vị chưa có phương án cắt giảm, đơn giản hóa nào cho năm ${year}.`,
    listLabel: 'Phương án của đơn vị',
    items: (count: number) => `${count} thủ tục`,
    all: 'Xem tất cả phương án',
  },
  drill: {
    title: (label: string) => `Chi tiết chỉ tiêu: ${label}`,
    back: 'Quay lại bảng mục tiêu',
    context: (unit: string, year: number) => `${unit} — năm ${year}`,
    behind: (count: string, total: string) =>
      `${count} trên ${total} mục chưa đạt mục tiêu; các mục này được đánh dấu và xếp ở đầu danh sách.`,
    allMet: (total: string) => `Cả ${total} mục đều đạt mục tiêu.`,
    empty: 'Không có thủ tục hoặc mục nào được tính vào chỉ tiêu này.',
    caption: 'Các mục tạo nên số liệu của chỉ tiêu; mục chưa đạt xếp trước.',
    code: 'Mã',
    name: 'Tên',
    field: 'Lĩnh vực',
    unitName: 'Đơn vị',
    baseline: 'Năm 2024',
    current: 'Hiện nay',
    reduction: 'Tỷ lệ giảm',
    result: 'Kết quả',
    note: 'Ghi chú',
    meets: 'Đạt',
    behindTag: 'Chưa đạt',
    noBaseline: 'Chưa có',
  },
};
