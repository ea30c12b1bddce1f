import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { usePortal } from '../../api/portal';
import { vi } from '../../i18n/vi';

const f = vi.portalSettings.footer;

/** The public-service centre's contact, as the administrator entered it (page Thông tin cổng); nothing invented. */
function CentreContact() {
  const { data: portal } = usePortal();
  if (!portal || portal.isDefault) return null;
  const hasContact = portal.centreName || portal.address || portal.phone || portal.hotline || portal.email;
  if (!hasContact) return null;
  return (
    <Stack gap={2} mb="sm" component="address" style={{ fontStyle: 'normal' }}>
      <Text fw={700} c="gray.9">
        {portal.centreName ?? f.contact}
      </Text>
      {portal.address && (
        <Text size="sm" c="gray.8">
          {f.address}: {portal.address}
        </Text>
      )}
      {portal.phone && (
        <Text size="sm" c="gray.8">
          {f.phone}: <Anchor href={`tel:${portal.phone.replace(/[^0-9+]/g, '')}`}>{portal.phone}</Anchor>
        </Text>
      )}
      {portal.hotline && (
        <Text size="sm" c="gray.8">
          {f.hotline}: <Anchor href={`tel:${portal.hotline.replace(/[^0-9+]/g, '')}`}>{portal.hotline}</Anchor>
        </Text>
      )}
      {portal.email && (
        <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
          {f.email}: <Anchor href={`mailto:${portal.email}`}>{portal.email}</Anchor>
        </Text>
      )}
    </Stack>
  );
}

export function SiteFooter() {
  return (
    <Box component="footer" mt="auto" py="lg" bg="gray.1" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size="lg">
        <CentreContact />
        <Group component="nav" aria-label={vi.common.footer.links} gap="md" mb="xs">
          <Anchor component={Link} to="/thu-tuc" size="sm">
            {vi.common.nav.procedures}
          </Anchor>
          <Anchor component={Link} to="/tra-cuu-ho-so" size="sm">
            {vi.common.nav.dossierLookup}
          </Anchor>
          <Anchor component={Link} to="/thong-ke" size="sm">
            {vi.monitoring.public.title}
          </Anchor>
        </Group>
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
