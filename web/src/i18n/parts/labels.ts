import type {
  ApplicantType,
  Channel,
  DayKind,
  DecisionType,
  FeeKind,
  HolidayGroup,
  InternalGroup,
  Level,
  OnlineLevel,
  ProcessRole,
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
  applicantTypes: {
    citizen: 'Công dân',
    business: 'Doanh nghiệp',
    organization: 'Tổ chức',
    foreigner: 'Người nước ngoài',
  } satisfies Record<ApplicantType, string>,
  processRoles: {
    desk_officer: 'Cán bộ Bộ phận Một cửa',
    specialist: 'Chuyên viên xử lý',
    division_head: 'Lãnh đạo phòng',
    unit_leader: 'Lãnh đạo cơ quan',
    clerk: 'Văn thư',
  } satisfies Record<ProcessRole, string>,
  holidayGroups: {
    new_year: 'Tết Dương lịch (1/1)',
    tet: 'Tết Âm lịch',
    hung_kings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    reunification: 'Ngày Chiến thắng (30/4)',
    labour: 'Ngày Quốc tế Lao động (1/5)',
    national_day: 'Quốc khánh (2/9)',
    culture_day: 'Ngày Văn hóa Việt Nam (24/11)',
  } satisfies Record<HolidayGroup, string>,
};
