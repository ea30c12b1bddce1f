import type { Role } from '../../../../../src/contract/enums';
import { hasRole, useSession } from '../../../api/auth';

/** Roles that prepare proposals, worksheets and condition records; the server still checks the unit. */
const PREPARER_ROLES: Role[] = ['admin', 'procedure_controller', 'unit_leader', 'division_head', 'specialist'];

/** Whether to offer "create" and "edit" at all: a desk officer or the provincial office never can. */
export function useCanPrepare(): boolean {
  const { data: session } = useSession();
  return hasRole(session?.user, ...PREPARER_ROLES);
}
