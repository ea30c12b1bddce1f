import { Box, Container, Text } from '@mantine/core';
import { vi } from '../../i18n/vi';

export function SiteFooter() {
  return (
    <Box component="footer" mt="auto" py="lg" bg="gray.1" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size="lg">
        <Text size="sm" c="gray.8">
          {vi.common.footer.about}
        </Text>
        <Text size="sm" c="gray.8">
          {vi.common.footer.basis}
        </Text>
      </Container>
    </Box>
  );
}
