import { Paper, Title, useMatches } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of the procedure page; its heading names the region for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Long published texts keep their line breaks. */
export function PlainText({ children }: { children: string }) {
  return <div style={{ whiteSpace: 'pre-line' }}>{children}</div>;
}

/** Data lists put their labels beside the values on wider screens and above them on a phone, which has no room for both. */
export function useDataListOrientation(): 'horizontal' | 'vertical' {
  return useMatches({ base: 'vertical', sm: 'horizontal' });
}
