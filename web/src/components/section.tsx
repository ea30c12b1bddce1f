import { Paper, Title } from '@mantine/core';
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
