import type { Role } from '../contract/enums';
import type { DemoUnit } from './fixtures';

export const DEMO_PASSWORD = 'motcua2026';

/**
 * A role is a grant over a unit subtree, not the place where one sits: `unit` picks the unit whose subtree the role
 * covers from the demo organisation (null for citizens and businesses).
 */
export type DemoGrant = { role: Role; unit: ((units: DemoUnit[]) => DemoUnit | undefined) | null };

export type DemoAccount = {
  username: string;
  fullName: string;
  /** Where the person works, as printed with the demo accounts. */
  description: string;
  roles: DemoGrant[];
  personalId?: string;
  /** Contacts of the demo citizen and business (illustrative addresses of the reserved example.vn domain). */
  email?: string;
  phone?: string;
  taxCode?: string;
};

const byName = (pattern: RegExp, type?: DemoUnit['type']) => (units: DemoUnit[]) =>
  units.find((unit) => pattern.test(unit.name) && (!type || unit.type === type));

const justiceDepartment = byName(/^Sở Tư pháp/, 'department');
const civilJusticeDivision = (units: DemoUnit[]) => {
  const department = justiceDepartment(units);
  return units.find((unit) => unit.parentCode === department?.code && /Hành chính tư pháp/i.test(unit.name));
};

export const demoAccounts: DemoAccount[] = [
  {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    description: 'Quản trị viên',
    roles: [{ role: 'admin', unit: byName(/^UBND tỉnh|^Ủy ban nhân dân tỉnh/, 'province') }],
  },
  {
    username: 'tiepnhan',
    fullName: 'Nguyễn Thị Lan',
    description: 'Cán bộ tiếp nhận, Trung tâm Phục vụ hành chính công tỉnh',
    roles: [
      {
        role: 'desk_officer',
        unit: (units) =>
          units.find((unit) => unit.type === 'desk' && units.find((parent) => parent.code === unit.parentCode)?.type === 'province'),
      },
    ],
  },
  {
    username: 'chuyenvien',
    fullName: 'Trần Văn Minh',
    description: 'Chuyên viên, Phòng Hành chính tư pháp, Sở Tư pháp',
    // Works in a division but prepares the whole department's worksheets, conditions and proposal drafts.
    roles: [{ role: 'specialist', unit: justiceDepartment }],
  },
  {
    username: 'truongphong',
    fullName: 'Lê Thị Hồng',
    description: 'Trưởng phòng Hành chính tư pháp, Sở Tư pháp',
    // Heads the division, and drafts the department's simplification proposal with a specialist's grant over it.
    roles: [
      { role: 'division_head', unit: civilJusticeDivision },
      { role: 'specialist', unit: justiceDepartment },
    ],
  },
  {
    username: 'lanhdao',
    fullName: 'Phạm Quốc Hùng',
    description: 'Giám đốc Sở Tư pháp',
    roles: [{ role: 'unit_leader', unit: justiceDepartment }],
  },
  {
    username: 'kiemsoat',
    fullName: 'Võ Thanh Tâm',
    description: 'Cán bộ kiểm soát TTHC, Văn phòng UBND tỉnh',
    roles: [{ role: 'procedure_controller', unit: byName(/^Văn phòng UBND tỉnh|^Văn phòng Ủy ban nhân dân tỉnh/, 'department') }],
  },
  {
    username: 'congdan',
    fullName: 'Đặng Văn An',
    description: 'Công dân',
    roles: [{ role: 'citizen', unit: null }],
    personalId: '089095001234',
    email: 'congdan@example.vn',
    phone: '0911000001',
  },
  {
    username: 'doanhnghiep',
    fullName: 'Công ty TNHH Thương mại Phú Quốc Xanh',
    description: 'Doanh nghiệp',
    roles: [{ role: 'business', unit: null }],
    taxCode: '1702123456',
    email: 'lienhe@phuquocxanh.example.vn',
    phone: '0911000002',
  },
];
