import { Alert } from '@mantine/core';
import { Outlet } from 'react-router';
import type { Role } from '../../../src/contract/enums';
import { hasRole, useSession } from '../api/auth';
import { vi } from '../i18n/vi';

/** Renders the nested routes only for users holding one of `roles` (inside the staff layout). */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { data: session } = useSession();
  if (!hasRole(session?.user, ...roles)) {
    return (
      <Alert color="orange" title={vi.common.forbidden.title} role="alert">
        {vi.common.forbidden.text}
      </Alert>
    );
  }
  return <Outlet />;
}
