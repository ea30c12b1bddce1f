import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SessionUser } from '../../../../src/contract/auth';
import { hasRole, METRICS_READERS, useSession } from '../../api/auth';
import { usePageTitle } from '../../components/page-title';
import { vi } from '../../i18n/vi';
import { MonitoringSummary } from '../monitoring/home-summary';
import { DossierWork } from './dossier-work';

const m = vi.staff;

function Shortcuts({ user }: { user: SessionUser }) {
  const isAdmin = hasRole(user, 'admin');
  const isController = hasRole(user, 'admin', 'procedure_controller');
  if (!isController) return null;
  return (
    <section aria-labelledby="dashboard-shortcuts">
      <Title order={2} size="h3" id="dashboard-shortcuts" mb="sm">
        {m.shortcutsHeading}
      </Title>
      <Group gap="sm">
        {isAdmin && (
          <Button component={Link} to="/quan-tri/don-vi" variant="light">
            {m.nav.units}
          </Button>
        )}
        {isAdmin && (
          <Button component={Link} to="/quan-tri/nguoi-dung" variant="light">
            {m.nav.users}
          </Button>
        )}
        <Button component={Link} to="/quan-tri/thu-tuc" variant="light">
          {m.nav.procedures}
        </Button>
        <Button component={Link} to="/quan-tri/lich" variant="light">
          {m.nav.calendar}
        </Button>
        <Button component={Link} to="/giam-sat/bao-cao-dinh-ky" variant="light">
          Báo cáo định kỳ kiểm soát TTHC
        </Button>
      </Group>
    </section>
  );
}

export function DashboardPage() {
  usePageTitle(m.title);
  const { data: session } = useSession();
  if (!session) return null;
  const { user } = session;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.welcome(user.fullName)}</Title>
        <Text c="gray.8">{m.intro}</Text>
      </div>
      {hasRole(user, ...METRICS_READERS) && <MonitoringSummary user={user} />}
      <DossierWork user={user} />
      <Card withBorder component="section" aria-labelledby="dashboard-roles">
        <Title order={2} size="h3" id="dashboard-roles" mb="sm">
          {m.rolesHeading}
        </Title>
        {user.roles.length === 0 ? (
          <Text>{m.noRoles}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{vi.users.role}</Table.Th>
                <Table.Th scope="col">{vi.users.unit}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.roles.map((assignment) => (
                <Table.Tr key={`${assignment.role}-${assignment.unitId ?? ''}`}>
                  <Table.Td>{vi.labels.roles[assignment.role]}</Table.Td>
                  <Table.Td>{assignment.unitName ?? m.noUnit}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Shortcuts user={user} />
    </Stack>
  );
}
