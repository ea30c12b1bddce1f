import { Box, Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLayoutDashboard, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import type { SessionUser } from '../../../../src/contract/auth';
import { homeOf, isStaffUser, useLogout } from '../../api/auth';
import { vi } from '../../i18n/vi';

export function UserMenu({ user }: { user: SessionUser }) {
  const logout = useLogout();
  const navigate = useNavigate();

  const handleLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        notifications.show({ message: vi.common.userMenu.loggedOut });
        void navigate('/');
      },
    });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="white"
          aria-label={vi.common.userMenu.button(user.fullName)}
          leftSection={<IconUserCircle size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          maw={{ base: 160, sm: 260 }}
        >
          {/* On a phone the name would be cut mid-word: the icon stands for it (the button keeps its name). */}
          <Box component="span" visibleFrom="xs">
            {user.fullName}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={homeOf(user)} leftSection={<IconLayoutDashboard size={16} aria-hidden />}>
          {isStaffUser(user) ? vi.common.nav.staffArea : vi.accounts.dossiers.heading}
        </Menu.Item>
        <Menu.Item onClick={handleLogout} leftSection={<IconLogout size={16} aria-hidden />}>
          {vi.common.userMenu.logout}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
