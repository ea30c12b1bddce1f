import { Badge, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

export type Tone = 'green' | 'blue' | 'gray' | 'red' | 'orange' | 'teal';

/** A small status label: pale background, dark text of the same hue (contrast above 7:1). */
export function Tag({ tone, size, children }: { tone: Tone; size?: MantineSize; children: ReactNode }) {
  return (
    <Badge variant="light" color={tone} c={`${tone}.9`} tt="none" size={size} miw="max-content">
      {children}
    </Badge>
  );
}
