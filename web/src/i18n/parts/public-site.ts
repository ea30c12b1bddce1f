export const home = {
  title: 'Trang chủ',
  heroTitle: 'Tra cứu thủ tục hành chính',
  heroText:
    'Tìm hiểu thành phần hồ sơ, thời hạn giải quyết, phí, lệ phí và nơi tiếp nhận của các thủ tục hành chính đang có hiệu lực.',
  searchLabel: 'Tìm thủ tục hành chính',
  searchPlaceholder: 'Nhập tên hoặc mã thủ tục, ví dụ: khai sinh',
  searchButton: 'Tìm kiếm',
  byLevel: 'Tra cứu theo cấp thực hiện',
  byField: 'Lĩnh vực có nhiều thủ tục',
  fieldCount: (count: number) => `${count} thủ tục`,
  allProcedures: 'Xem tất cả thủ tục',
  aboutTitle: 'Hệ thống một cửa số giúp gì cho bạn?',
  about: [
    {
      title: 'Biết rõ cần chuẩn bị gì',
      text: 'Mỗi thủ tục nêu đủ thành phần hồ sơ, số bản chính, bản sao và mẫu đơn, tờ khai theo quyết định công bố.',
    },
    {
      title: 'Nộp ở nơi thuận tiện',
      text: 'Thủ tục không phụ thuộc địa giới hành chính được tiếp nhận tại bất kỳ Bộ phận Một cửa nào trong tỉnh.',
    },
    {
      title: 'Thời hạn tính theo ngày làm việc',
      text: 'Thời hạn giải quyết được tính theo lịch làm việc của cơ quan nhà nước, không tính ngày nghỉ lễ, Tết.',
    },
  ],
};

export const procedureList = {
  title: 'Thủ tục hành chính',
  searchLabel: 'Tìm thủ tục hành chính',
  searchPlaceholder: 'Tên hoặc mã thủ tục',
  filtersHeading: 'Bộ lọc',
  fieldLabel: 'Lĩnh vực',
  fieldPlaceholder: 'Tất cả lĩnh vực',
  levelLabel: 'Cấp thực hiện',
  onlineLabel: 'Mức độ trực tuyến',
  anyOption: 'Tất cả',
  clearFilters: 'Xóa bộ lọc',
  resultCount: (count: number) => `Tìm thấy ${count.toLocaleString('vi-VN')} thủ tục`,
  noResults: 'Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.',
  resultsHeading: 'Kết quả tra cứu',
  code: 'Mã thủ tục',
  field: 'Lĩnh vực',
  time: 'Thời hạn',
  fee: 'Phí, lệ phí',
  handlingUnit: 'Cơ quan thực hiện',
  moreUnits: (count: number) => `và ${count} cơ quan khác`,
  locationIndependent: 'Không phụ thuộc địa giới hành chính',
};
