import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { vi } from '../i18n/vi';
import { usePageTitle } from './page-title';

export function NotFoundPage() {
  usePageTitle(vi.common.notFound.title);
  return (
    <Stack align="flex-start" py="xl">
      <Title order={1}>{vi.common.notFound.title}</Title>
      <Text>{vi.common.notFound.text}</Text>
      <Button component={Link} to="/">
        {vi.common.notFound.backHome}
      </Button>
    </Stack>
  );
}
