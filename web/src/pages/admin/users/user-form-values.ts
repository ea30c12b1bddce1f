import type { UserAccount } from '../../../../../src/contract/auth';
import type { Role, signingForms } from '../../../../../src/contract/enums';

type SigningForm = (typeof signingForms)[number];

import type { RoleInput } from '../../../api/users';

export interface UserFormValues {
  username: string;
  fullName: string;
  email: string;
  phone: string;
  personalId: string;
  taxCode: string;
  position: string;
  signingForm: SigningForm | '';
  password: string;
  isActive: boolean;
  /** `key` keeps React rows stable while roles are added and removed. */
  roles: { key: string; role: Role | ''; unitId: string | null }[];
}

export function toUserFormValues(user: UserAccount | null): UserFormValues {
  return {
    username: user?.username ?? '',
    fullName: user?.fullName ?? '',
    email: user?.email ?? '',
    phone: user?.phone ?? '',
    personalId: user?.personalId ?? '',
    taxCode: user?.taxCode ?? '',
    position: user?.position ?? '',
    signingForm: user?.signingForm ?? '',
    password: '',
    isActive: user?.isActive ?? true,
    roles: (user?.roles ?? []).map((assignment) => ({
      key: crypto.randomUUID(),
      role: assignment.role,
      unitId: assignment.unitId,
    })),
  };
}

export function toRoleInputs(values: UserFormValues): RoleInput[] {
  return values.roles.map(({ role, unitId }) => ({ role: role as Role, unitId }));
}
