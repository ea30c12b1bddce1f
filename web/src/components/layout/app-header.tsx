import { Burger, Button, Group } from '@mantine/core';
import { IconLogin2 } from '@tabler/icons-react';
import { Link, NavLink, useLocation } from 'react-router';
import { homeOf, isStaffUser, useSession } from '../../api/auth';
import { vi } from '../../i18n/vi';
import { Brand } from './brand';
import classes from './header.module.css';
import { UserMenu } from './user-menu';

interface AppHeaderProps {
  isNavbarOpened: boolean;
  onToggleNavbar: () => void;
}

export function AppHeader({ isNavbarOpened, onToggleNavbar }: AppHeaderProps) {
  const { data: session } = useSession();
  const { pathname } = useLocation();
  const navbarLabel = isNavbarOpened ? vi.common.nav.closeMenu : vi.common.nav.openMenu;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" className={classes.header}>
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={isNavbarOpened}
          onClick={onToggleNavbar}
          hiddenFrom="md"
          size="sm"
          color="white"
          aria-label={navbarLabel}
          aria-expanded={isNavbarOpened}
          aria-controls="app-navbar"
        />
        <Brand />
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Group component="nav" aria-label={vi.common.nav.main} gap={4} visibleFrom="md">
          <NavLink to="/" end className={classes.link}>
            {vi.common.nav.home}
          </NavLink>
          <NavLink to="/thu-tuc" className={classes.link}>
            {vi.common.nav.procedures}
          </NavLink>
          <NavLink to="/tra-cuu-ho-so" className={classes.link}>
            {vi.common.nav.dossierLookup}
          </NavLink>
          <NavLink to="/thong-ke" className={classes.link}>
            {vi.monitoring.nav.publicStatistics}
          </NavLink>
          {session && (
            <NavLink to={homeOf(session.user)} className={classes.link}>
              {isStaffUser(session.user) ? vi.common.nav.staffArea : vi.accounts.dossiers.heading}
            </NavLink>
          )}
        </Group>
        {session && <UserMenu user={session.user} />}
        {!session && pathname !== '/dang-nhap' && (
          <Button component={Link} to="/dang-nhap" variant="white" leftSection={<IconLogin2 size={18} aria-hidden />}>
            {vi.common.nav.login}
          </Button>
        )}
      </Group>
    </Group>
  );
}
