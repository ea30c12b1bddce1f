import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { Link, Navigate } from 'react-router';
import { APPLICANT_ROLES, CITIZEN_HOME, hasRole, isStaffUser, STAFF_HOME, useSession } from '../../api/auth';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { AccountSection } from './account-section';
import { MyDossiersSection } from './my-dossiers-section';

const m = vi.accounts.home;

/** The home of a citizen or business ("Hồ sơ của tôi"), in the public layout; staff are sent to their own area. */
export function CitizenHomePage() {
  usePageTitle(m.title);
  const session = useSession();
  if (session.isSuccess && session.data === null) {
    return <Navigate to={`/dang-nhap?next=${encodeURIComponent(CITIZEN_HOME)}`} replace />;
  }
  if (!session.data) return <QueryState query={session} />;
  const { user } = session.data;
  if (isStaffUser(user)) return <Navigate to={STAFF_HOME} replace />;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{m.welcome(user.fullName)}</Title>
          <Text c="gray.8">{m.intro}</Text>
        </div>
        {hasRole(user, ...APPLICANT_ROLES) && (
          <Button component={Link} to="/thu-tuc" leftSection={<IconFileUpload size={18} aria-hidden />} title={m.applyOnlineHint}>
            {m.applyOnline}
          </Button>
        )}
      </Group>
      {hasRole(user, ...APPLICANT_ROLES) ? (
        <>
          <MyDossiersSection />
          <AccountSection />
        </>
      ) : (
        <Alert color="orange" role="alert">
          {m.noApplicantRole}
        </Alert>
      )}
    </Stack>
  );
}
