import type {
  Channel,
  DayKind,
  DecisionType,
  FeeKind,
  InternalGroup,
  Level,
  OnlineLevel,
  Role,
  TimeUnit,
  UnitType,
  VersionStatus,
} from '../../api/types';

/** Vietnamese names of the values the API uses as codes. */
export const labels = {
  roles: {
    citizen: 'Công dân',
    business: 'Doanh nghiệp, tổ chức',
    desk_officer: 'Cán bộ Bộ phận Một cửa',
    specialist: 'Chuyên viên xử lý hồ sơ',
    division_head: 'Lãnh đạo phòng',
    unit_leader: 'Lãnh đạo cơ quan',
    procedure_controller: 'Cán bộ kiểm soát TTHC',
    provincial_office: 'Văn phòng UBND tỉnh',
    admin: 'Quản trị hệ thống',
  } satisfies Record<Role, string>,
  levels: {
    province: 'Cấp tỉnh',
    commune: 'Cấp xã',
    ministry: 'Cấp bộ, ngành',
  } satisfies Record<Level, string>,
  onlineLevels: {
    full: 'Trực tuyến toàn trình',
    partial: 'Trực tuyến một phần',
    none: 'Không trực tuyến',
  } satisfies Record<OnlineLevel, string>,
  /** Used after a number: "10 ngày làm việc". */
  timeUnits: {
    working_days: 'ngày làm việc',
    working_hours: 'giờ làm việc',
    calendar_days: 'ngày',
  } satisfies Record<TimeUnit, string>,
  /** Used as a choice in forms. */
  timeUnitOptions: {
    working_days: 'Ngày làm việc',
    working_hours: 'Giờ làm việc',
    calendar_days: 'Ngày theo lịch',
  } satisfies Record<TimeUnit, string>,
  channels: {
    direct: 'Trực tiếp',
    online: 'Trực tuyến',
    postal: 'Qua dịch vụ bưu chính công ích',
  } satisfies Record<Channel, string>,
  feeKinds: {
    fee: 'Phí',
    charge: 'Lệ phí',
  } satisfies Record<FeeKind, string>,
  decisionTypes: {
    new: 'Công bố mới',
    amended: 'Sửa đổi, bổ sung',
    replaced: 'Thay thế',
    abolished: 'Bãi bỏ',
  } satisfies Record<DecisionType, string>,
  versionStatuses: {
    draft: 'Dự thảo',
    in_force: 'Đang có hiệu lực',
    superseded: 'Hết hiệu lực',
    abolished: 'Đã bãi bỏ',
    scheduled: 'Sắp có hiệu lực',
  } satisfies Record<VersionStatus, string>,
  unitTypes: {
    province: 'UBND tỉnh, thành phố',
    department: 'Sở, ban, ngành',
    division: 'Phòng, đơn vị trực thuộc',
    commune: 'UBND xã, phường, đặc khu',
    district: 'Cấp huyện (trước 01/7/2025)',
    desk: 'Bộ phận Một cửa',
  } satisfies Record<UnitType, string>,
  dayKinds: {
    holiday: 'Nghỉ lễ, Tết',
    compensatory: 'Nghỉ bù',
    day_off: 'Nghỉ (hoán đổi)',
    working_day: 'Làm việc bù',
  } satisfies Record<DayKind, string>,
  internalGroups: {
    A: 'Nhóm A — giữa các cơ quan',
    B: 'Nhóm B — trong một cơ quan',
  } satisfies Record<InternalGroup, string>,
  /** Applicant types as published on the national portal. */
  applicantTypes: {
    citizen: 'Công dân Việt Nam',
    overseas_vietnamese: 'Người Việt Nam định cư ở nước ngoài',
    foreigner: 'Người nước ngoài',
    organization: 'Tổ chức (không bao gồm doanh nghiệp, HTX)',
    business: 'Doanh nghiệp',
    foreign_invested_business: 'Doanh nghiệp có vốn đầu tư nước ngoài',
    cooperative: 'Hợp tác xã',
    foreign_organization: 'Tổ chức nước ngoài',
    civil_servant: 'Cán bộ, công chức, viên chức',
    party_member: 'Đảng viên',
    party_organization: 'Tổ chức Đảng',
  } as Record<string, string>,
};
