import { Badge } from '@mantine/core';
import type { OnlineLevel } from '../api/types';
import { vi } from '../i18n/vi';

const colors: Record<OnlineLevel, string> = { full: 'green.9', partial: 'blue.9', none: 'gray.7' };

export function OnlineBadge({ level }: { level: OnlineLevel }) {
  return (
    <Badge color={colors[level]} variant="light" tt="none">
      {vi.labels.onlineLevels[level]}
    </Badge>
  );
}
