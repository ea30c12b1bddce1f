import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PasswordResetResponse } from '../../../../src/contract/accounts';
import { passwordRules } from '../../../../src/contract/auth';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../../api/accounts';
import { errorMessage } from '../../api/client';
import { notifySuccess, reportMutationError } from '../../components/form-errors';
import { usePageTitle } from '../../components/page-title';
import { vi } from '../../i18n/vi';
import { CodeInput, isSixDigits, useCodeFromLink } from './code-input';

const m = vi.accounts.reset;

function RequestForm({ onSent }: { onSent: (request: PasswordResetResponse) => void }) {
  const request = useRequestPasswordReset();
  const form = useForm({ initialValues: { login: '' }, validate: { login: (value) => (value.trim() ? null : vi.common.required) } });
  return (
    <form onSubmit={form.onSubmit((values) => request.mutate(values.login.trim(), { onSuccess: onSent }))} noValidate>
      <Stack>
        <Text c="gray.8">{m.intro}</Text>
        {request.isError && (
          <Alert color="red" role="alert">
            {errorMessage(request.error)}
          </Alert>
        )}
        <TextInput label={m.login} autoComplete="username" required {...form.getInputProps('login')} />
        <Button type="submit" loading={request.isPending} fullWidth>
          {m.request}
        </Button>
      </Stack>
    </form>
  );
}

function ConfirmForm({ sent, initialCode = '', onAgain }: { sent: PasswordResetResponse; initialCode?: string; onAgain: () => void }) {
  const navigate = useNavigate();
  const confirm = useConfirmPasswordReset();
  const form = useForm({
    initialValues: { code: initialCode, newPassword: '', repeat: '' },
    validate: {
      code: (value) => (isSixDigits(value) ? null : m.code),
      newPassword: (value) => (value.length >= passwordRules.minLength ? null : vi.accounts.register.passwordHint(passwordRules.minLength)),
      repeat: (value, values) => (value === values.newPassword ? null : vi.accounts.register.passwordMismatch),
    },
  });
  const handleSubmit = form.onSubmit((values) =>
    confirm.mutate(
      { token: sent.token, code: values.code.trim(), newPassword: values.newPassword },
      {
        onSuccess: () => {
          notifySuccess(m.done);
          void navigate('/dang-nhap', { replace: true });
        },
        onError: (error) => reportMutationError(form, error),
      },
    ),
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Alert color="blue" role="status">
          {initialCode ? m.fromLink : m.sent}
        </Alert>
        <CodeInput label={m.code} {...form.getInputProps('code')} />
        <PasswordInput label={m.newPassword} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
        <PasswordInput label={vi.accounts.register.passwordRepeat} autoComplete="new-password" required {...form.getInputProps('repeat')} />
        <Button type="submit" loading={confirm.isPending} fullWidth>
          {m.confirm}
        </Button>
        <Anchor component="button" type="button" onClick={onAgain}>
          {m.again}
        </Anchor>
      </Stack>
    </form>
  );
}

/**
 * /quen-mat-khau: ask for a code (the answer never says whether the account exists), then set a new password;
 * ?token=…&ma=… (the message's link) opens the second step with the code filled in.
 */
export function ForgotPasswordPage() {
  usePageTitle(m.title);
  const link = useCodeFromLink();
  const [sent, setSent] = useState<PasswordResetResponse | null>(() => (link ? { token: link.token, expiresAt: '' } : null));
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" maw={480} mx="auto" my="xl">
      <Title order={1} size="h2" mb="md">
        {m.title}
      </Title>
      {sent ? (
        <ConfirmForm sent={sent} initialCode={link?.token === sent.token ? link.code : ''} onAgain={() => setSent(null)} />
      ) : (
        <RequestForm onSent={setSent} />
      )}
      <Text mt="md" size="sm">
        <Anchor component={Link} to="/dang-nhap">
          {m.backToLogin}
        </Anchor>
      </Text>
    </Paper>
  );
}
