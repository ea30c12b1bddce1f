import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { CITIZEN_HOME, isStaffUser, useSession } from '../../api/auth';
import { vi } from '../../i18n/vi';
import { QueryState } from '../query-state';
import { Shell } from './shell';
import { StaffNav } from './staff-nav';

/** The staff area; visitors without a session are sent to the login page and back, applicants to their own home. */
export function StaffLayout() {
  const session = useSession();
  const location = useLocation();

  if (session.isSuccess && session.data === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/dang-nhap?next=${next}`} replace />;
  }
  if (!session.data) return <QueryState query={session} />;
  // Citizens and businesses have their own home: no staff page is theirs.
  if (!isStaffUser(session.data.user)) return <Navigate to={CITIZEN_HOME} replace />;

  return (
    <Shell navbar={<StaffNav user={session.data.user} />} navbarLabel={vi.staff.nav.label} isNavbarAlwaysVisible>
      {/* Full width: in the shell's flex column a centred container would otherwise grow to fit wide tables. */}
      <Container size="xl" py="lg" w="100%">
        <Outlet />
      </Container>
    </Shell>
  );
}
