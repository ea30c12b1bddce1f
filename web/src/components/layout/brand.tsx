import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { Link } from 'react-router';
import { vi } from '../../i18n/vi';
import classes from './header.module.css';

export function Brand() {
  return (
    <UnstyledButton component={Link} to="/" className={classes.brand}>
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon radius="xl" size="lg" color="nationalRed.8" aria-hidden>
          <IconStarFilled size={18} color="var(--motcua-gold)" />
        </ThemeIcon>
        <div>
          <Text fw={700} size="lg" lh={1.1} c="white">
            {vi.common.appName}
          </Text>
          <Text size="xs" c="nationalRed.0" visibleFrom="sm">
            {vi.common.appTagline}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}
