import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { vi } from '../../i18n/vi';
import { AppHeader } from './app-header';

interface ShellProps {
  /** Navigation shown in the side bar; on phones it opens from the burger. */
  navbar: ReactNode;
  navbarLabel: string;
  /** Keep the side bar on wide screens (staff area) or only on phones (public site). */
  isNavbarAlwaysVisible: boolean;
  children: ReactNode;
}

export function Shell({ navbar, navbarLabel, isNavbarAlwaysVisible, children }: ShellProps) {
  const [isOpened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  useEffect(close, [pathname, close]);

  return (
    <AppShell
      header={{ height: 68 }}
      navbar={{
        width: 272,
        breakpoint: 'sm',
        collapsed: { mobile: !isOpened, desktop: !isNavbarAlwaysVisible },
      }}
      padding={0}
    >
      <a className="skip-link" href="#main-content">
        {vi.common.skipToContent}
      </a>
      <AppShell.Header withBorder={false}>
        <AppHeader isNavbarOpened={isOpened} onToggleNavbar={toggle} />
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar" p="sm" aria-label={navbarLabel}>
        {navbar}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
