import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { SessionUser } from '../../../../src/contract/auth';
import { homeOf, isPathFor, useLogin, useSession } from '../../api/auth';
import { errorMessage } from '../../api/client';
import { usePageTitle } from '../../components/page-title';
import { vi } from '../../i18n/vi';

const m = vi.auth;
const links = vi.accounts.loginLinks;

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** Where the account goes after signing in: the page it asked for if that page is for it, else its home. */
function landingOf(user: SessionUser, next: string | null): string {
  return next && isPathFor(user, next) ? next : homeOf(user);
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
    return <Navigate to={landingOf(session.data.user, next)} replace />;
  }

  const handleSubmit = form.onSubmit((values) =>
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: ({ user }) => void navigate(landingOf(user, next), { replace: true }),
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
          <TextInput
            label={m.username}
            description={links.usernameHint}
            autoComplete="username"
            required
            {...form.getInputProps('username')}
          />
          <PasswordInput label={m.password} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={login.isPending} fullWidth>
            {m.submit}
          </Button>
        </Stack>
      </form>
      <Group justify="space-between" mt="md" gap="xs">
        <Anchor component={Link} to="/quen-mat-khau" size="sm">
          {links.forgotPassword}
        </Anchor>
        <Text size="sm">
          {links.noAccount}{' '}
          <Anchor component={Link} to="/dang-ky" underline="always">
            {links.register}
          </Anchor>
        </Text>
      </Group>
    </Paper>
  );
}
