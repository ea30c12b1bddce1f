export const auth = {
  title: 'Đăng nhập',
  intro: 'Dành cho cán bộ, công chức và tổ chức, cá nhân đã có tài khoản trên hệ thống.',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  submit: 'Đăng nhập',
};

export const staff = {
  title: 'Tổng quan',
  welcome: (name: string) => `Xin chào, ${name}`,
  intro: 'Đây là khu vực làm việc của bạn trên hệ thống một cửa số.',
  rolesHeading: 'Vai trò và đơn vị của bạn',
  noRoles: 'Tài khoản chưa được phân vai trò. Vui lòng liên hệ quản trị hệ thống.',
  noUnit: 'Không gắn với đơn vị',
  shortcutsHeading: 'Chức năng của bạn',
  comingSoonText: 'Các mục đánh dấu “Sắp có” trong menu là chức năng đang được xây dựng, chưa sử dụng được.',
  nav: {
    label: 'Điều hướng khu vực cán bộ',
    overview: 'Tổng quan',
    adminGroup: 'Quản trị',
    controllerGroup: 'Kiểm soát thủ tục hành chính',
    units: 'Đơn vị',
    users: 'Người dùng',
    procedures: 'Thủ tục',
    calendar: 'Lịch làm việc',
    upcomingGroup: 'Chức năng sắp có',
    dossiers: 'Hồ sơ',
    myDossiers: 'Hồ sơ của tôi',
    reports: 'Báo cáo',
    comingSoon: 'Sắp có',
  },
};
