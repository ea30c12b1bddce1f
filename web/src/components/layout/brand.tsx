import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePortal } from '../../api/portal';
import { vi } from '../../i18n/vi';
import classes from './header.module.css';

export function Brand() {
  // Whose portal it is (page Thông tin cổng); the application's tagline until the administrator names the province.
  const { data: portal } = usePortal();
  return (
    <UnstyledButton component={Link} to="/" className={classes.brand}>
      <Group gap="xs" wrap="nowrap">
        {portal?.emblemUrl ? (
          // The province's emblem (page Thông tin cổng); its name is written beside it, so the image is decoration.
          <img src={portal.emblemUrl} alt="" width={36} height={36} style={{ objectFit: 'contain', flex: '0 0 auto' }} />
        ) : (
          <ThemeIcon radius="xl" size="lg" color="nationalRed.8" aria-hidden>
            <IconStarFilled size={18} color="var(--motcua-gold)" />
          </ThemeIcon>
        )}
        <div>
          <Text fw={700} size="lg" lh={1.1} c="white">
            {vi.common.appName}
          </Text>
          <Text size="xs" c="nationalRed.0" visibleFrom="sm" data-testid="brand-province">
            {portal && !portal.isDefault ? portal.provinceName : vi.common.appTagline}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}
