import { NavLink as MantineNavLink } from '@mantine/core';
import type { ReactNode } from 'react';
import { NavLink, useMatch } from 'react-router';

interface NavItemProps {
  to: string;
  label: string;
  icon: ReactNode;
  end?: boolean;
}

/** A side-bar link that highlights itself (and sets aria-current) on its route. */
export function NavItem({ to, label, icon, end = false }: NavItemProps) {
  const isActive = useMatch({ path: to, end }) !== null;
  return <MantineNavLink component={NavLink} to={to} end={end} label={label} leftSection={icon} active={isActive} />;
}
