import { AppShell, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useEffect } from 'react';
import { useLocation } from 'react-router';
import { vi } from '../../i18n/vi';
import { AppHeader } from './app-header';

interface ShellProps {
  /** Navigation shown in the side bar; on phones and small tablets it opens from the burger. */
  navbar: ReactNode;
  navbarLabel: string;
  /** Keep the side bar on wide screens (staff area) or only on phones (public site). */
  isNavbarAlwaysVisible: boolean;
  children: ReactNode;
}

/** Below this width the header links give way to the burger menu (see app-header.tsx). */
const NAVBAR_BREAKPOINT = 'md';

export function Shell({ navbar, navbarLabel, isNavbarAlwaysVisible, children }: ShellProps) {
  const [isOpened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const theme = useMantineTheme();
  const isWide = useMediaQuery(`(min-width: ${theme.breakpoints[NAVBAR_BREAKPOINT]})`) ?? true;
  // A collapsed side bar slides off screen but stays in the DOM: keep it out of the tab order.
  const isNavbarHidden = isWide ? !isNavbarAlwaysVisible : !isOpened;

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing the menu is the effect of a change of page
  useEffect(close, [pathname, close]);

  return (
    <AppShell
      header={{ height: 68 }}
      navbar={{
        width: 272,
        breakpoint: NAVBAR_BREAKPOINT,
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
      <AppShell.Navbar id="app-navbar" p="sm" aria-label={navbarLabel} inert={isNavbarHidden}>
        {navbar}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ display: 'flex', flexDirection: 'column' }}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
