import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { SessionUser } from '../../../../src/contract/auth';
import { hasRole, STAFF_ROLES, useLogin, useSession } from '../../api/auth';
import { errorMessage } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { vi } from '../../i18n/vi';

const m = vi.auth;

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

function homeOf(user: SessionUser): string {
  return hasRole(user, ...STAFF_ROLES) ? '/can-bo' : '/';
}

export function LoginPage() {
  usePageTitle(m.title);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() ? null : vi.common.required),
      password: (value) => (value ? null : vi.common.required),
    },
  });
  const next = safeNext(params.get('next'));

  if (session.data && !login.isPending && !login.isSuccess) {
    return <Navigate to={next ?? homeOf(session.data.user)} replace />;
  }

  const handleSubmit = form.onSubmit((values) =>
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: ({ user }) => void navigate(next ?? homeOf(user), { replace: true }),
      },
    ),
  );

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={440} mx="auto" my="xl">
      <Title order={1} size="h2" mb="xs">
        {m.title}
      </Title>
      <Text c="gray.8" mb="lg">
        {m.intro}
      </Text>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          {login.isError && (
            <Alert color="red" role="alert">
              {errorMessage(login.error)}
            </Alert>
          )}
          <TextInput label={m.username} autoComplete="username" required {...form.getInputProps('username')} />
          <PasswordInput label={m.password} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={login.isPending} fullWidth>
            {m.submit}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
