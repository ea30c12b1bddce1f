import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalculator, IconFilePlus, IconFiles } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SessionUser } from '../../../../src/contract/auth';
import { DOSSIER_READERS, hasRole } from '../../api/auth';
import { type DossierInboxFilter, useDossierInbox } from '../../api/dossiers';
import { vi } from '../../i18n/vi';
import { formatNumber } from '../../lib/format';
import { DossierList } from '../dossiers/shared/dossier-list';

const m = vi.dossiers.dashboard;
const NEAR_DUE_HOURS = 8;

/** A count of the inbox under one filter, linking to the inbox so filtered. */
function CountCard({ label, filter, tone }: { label: string; filter: DossierInboxFilter; tone?: 'red' | 'orange' }) {
  const query = useDossierInbox({ ...filter, page: 1, pageSize: 1 });
  const search = new URLSearchParams(
    Object.entries(filter).flatMap(([key, value]) =>
      value === undefined || value === '' || (key === 'box' && value === 'todo') ? [] : [[key, String(value)]],
    ),
  );
  const to = `/can-bo/ho-so${search.size ? `?${search.toString()}` : ''}`;
  const total = query.data?.total;
  return (
    <Card withBorder padding="sm" component={Link} to={to} style={{ textDecoration: 'none' }} bg={tone && total ? `${tone}.0` : undefined}>
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text fz={28} fw={700} c={tone && total ? `${tone}.9` : undefined}>
        {total === undefined ? '–' : `${formatNumber(total)}${query.data?.totalIsCapped ? '+' : ''}`}
      </Text>
    </Card>
  );
}

function countsFor(user: SessionUser): { label: string; filter: DossierInboxFilter; tone?: 'red' | 'orange' }[] {
  const counts: { label: string; filter: DossierInboxFilter; tone?: 'red' | 'orange' }[] = [];
  if (hasRole(user, 'desk_officer')) {
    counts.push({ label: m.toReceive, filter: { box: 'todo', status: 'submitted' } });
    counts.push({ label: m.toReturn, filter: { box: 'todo', status: 'result_ready' } });
    counts.push({ label: m.waitingSupplement, filter: { box: 'all', status: 'supplement_requested' } });
  }
  if (hasRole(user, 'specialist', 'division_head', 'unit_leader'))
    counts.push({ label: m.toProcess, filter: { box: 'todo', status: 'processing' } });
  counts.push({ label: m.overdue, filter: { box: 'todo', overdue: true }, tone: 'red' });
  counts.push({ label: m.nearDue, filter: { box: 'todo', dueWithinHours: NEAR_DUE_HOURS, overdue: false }, tone: 'orange' });
  return counts;
}

/** The staff home's dossier part: what waits for this person's roles, the most urgent first. */
export function DossierWork({ user }: { user: SessionUser }) {
  const top = useDossierInbox({ box: 'todo', page: 1, pageSize: 5 }, { enabled: hasRole(user, ...DOSSIER_READERS) });
  if (!hasRole(user, ...DOSSIER_READERS)) return null;
  const hints = user.roles.map((assignment) => m.roleHint[assignment.role]).filter(Boolean);
  return (
    <Stack gap="md" component="section" aria-labelledby="dashboard-work">
      <div>
        <Title order={2} size="h3" id="dashboard-work">
          {m.workHeading}
        </Title>
        {[...new Set(hints)].map((hint) => (
          <Text key={hint} size="sm" c="gray.8">
            {hint}
          </Text>
        ))}
      </div>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        {countsFor(user).map((count) => (
          <CountCard key={count.label} {...count} />
        ))}
      </SimpleGrid>
      <Group gap="sm" wrap="wrap">
        <Button component={Link} to="/can-bo/ho-so" leftSection={<IconFiles size={16} aria-hidden />}>
          {m.openInbox}
        </Button>
        {hasRole(user, 'desk_officer') && (
          <Button component={Link} to="/can-bo/tiep-nhan" variant="light" leftSection={<IconFilePlus size={16} aria-hidden />}>
            {m.intake}
          </Button>
        )}
        <Button component={Link} to="/can-bo/tinh-han" variant="light" leftSection={<IconCalculator size={16} aria-hidden />}>
          {m.dueTool}
        </Button>
      </Group>
      <Title order={3} size="h4">
        {m.topHeading}
      </Title>
      {top.data && top.data.items.length > 0 ? (
        <DossierList items={top.data.items} linkTo={(item) => `/can-bo/ho-so/${item.id}`} />
      ) : (
        <Text size="sm">{top.data ? m.nothing : ''}</Text>
      )}
      {top.data && top.data.total > top.data.items.length && (
        <Anchor component={Link} to="/can-bo/ho-so" size="sm">
          {m.openInbox} ({formatNumber(top.data.total)}
          {top.data.totalIsCapped ? '+' : ''})
        </Anchor>
      )}
    </Stack>
  );
}
