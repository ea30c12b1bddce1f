import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { vi } from '../../i18n/vi';

const m = vi.accounts.dossiers;

/**
 * "Hồ sơ của tôi": the applicant's dossiers. Until the dossier engine lists them, the empty state; the dossier list
 * replaces this component (same file, same heading id).
 */
export function MyDossiersSection() {
  return (
    <Paper component="section" aria-labelledby="my-dossiers" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Title order={2} size="h3" id="my-dossiers" mb="sm">
        {m.heading}
      </Title>
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{m.empty}</Text>
        <Text c="gray.8">{m.emptyHint}</Text>
        <Button component={Link} to="/thu-tuc" variant="light" leftSection={<IconFileSearch size={18} aria-hidden />}>
          {m.findProcedure}
        </Button>
      </Stack>
    </Paper>
  );
}
