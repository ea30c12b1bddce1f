import { hasRole, useSession } from '../../api/auth';

/** Procedure controllers and administrators import plans (the API decides which issuer each may save for). */
export function useCanImportPlans(): boolean {
  const { data: session } = useSession();
  return hasRole(session?.user, 'procedure_controller', 'admin');
}
