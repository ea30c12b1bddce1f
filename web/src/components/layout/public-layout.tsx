import { Container, Stack } from '@mantine/core';
import { IconFileCheck, IconFileSearch, IconHome, IconLayoutDashboard } from '@tabler/icons-react';
import { Outlet } from 'react-router';
import { homeOf, isStaffUser, useSession } from '../../api/auth';
import { vi } from '../../i18n/vi';
import { NavItem } from './nav-item';
import { Shell } from './shell';
import { SiteFooter } from './site-footer';

function PublicNavLinks() {
  const { data: session } = useSession();
  return (
    <Stack gap={4}>
      <NavItem to="/" end label={vi.common.nav.home} icon={<IconHome size={18} aria-hidden />} />
      <NavItem to="/thu-tuc" label={vi.common.nav.procedures} icon={<IconFileSearch size={18} aria-hidden />} />
      <NavItem to="/tra-cuu-ho-so" label={vi.common.nav.dossierLookup} icon={<IconFileCheck size={18} aria-hidden />} />
      {session && (
        <NavItem
          to={homeOf(session.user)}
          label={isStaffUser(session.user) ? vi.common.nav.staffArea : vi.accounts.dossiers.heading}
          icon={<IconLayoutDashboard size={18} aria-hidden />}
        />
      )}
    </Stack>
  );
}

export function PublicLayout() {
  return (
    <Shell navbar={<PublicNavLinks />} navbarLabel={vi.common.nav.main} isNavbarAlwaysVisible={false}>
      <Container size="lg" py="lg" w="100%" mb="xl">
        <Outlet />
      </Container>
      <SiteFooter />
    </Shell>
  );
}
