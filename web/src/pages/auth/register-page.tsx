import { Alert, Anchor, Button, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import type { ApplicantKind, PendingVerification } from '../../../../src/contract/accounts';
import { passwordRules } from '../../../../src/contract/auth';
import { useRegister, useResendCode, useVerifyRegistration } from '../../api/accounts';
import { homeOf, useSession } from '../../api/auth';
import { errorMessage } from '../../api/client';
import { emptyToNull, notifySuccess, reportMutationError } from '../../components/form-errors';
import { usePageTitle } from '../../components/page-title';
import { vi } from '../../i18n/vi';
import { CodeInput, isSixDigits, useCodeFromLink } from './code-input';

const m = vi.accounts.register;

function RegisterForm({ onRegistered }: { onRegistered: (pending: PendingVerification) => void }) {
  const register = useRegister();
  const form = useForm({
    initialValues: { kind: 'citizen' as ApplicantKind, identityNumber: '', fullName: '', email: '', phone: '', password: '', repeat: '' },
    validate: {
      identityNumber: (value) => (value.trim() ? null : vi.common.required),
      fullName: (value) => (value.trim() ? null : vi.common.required),
      email: (value, values) => (value.trim() || values.phone.trim() ? null : m.contactRequired),
      password: (value) => (value.length >= passwordRules.minLength ? null : m.passwordHint(passwordRules.minLength)),
      repeat: (value, values) => (value === values.password ? null : m.passwordMismatch),
    },
  });
  const isBusiness = form.values.kind === 'business';
  const handleSubmit = form.onSubmit((values) =>
    register.mutate(
      {
        kind: values.kind,
        identityNumber: values.identityNumber.trim(),
        fullName: values.fullName,
        email: emptyToNull(values.email),
        phone: emptyToNull(values.phone),
        password: values.password,
      },
      { onSuccess: onRegistered, onError: (error) => reportMutationError(form, error) },
    ),
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <div>
          <Text component="label" id="register-kind" fw={500} size="sm">
            {m.kind}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="register-kind"
            data={[
              { value: 'citizen', label: m.kinds.citizen },
              { value: 'business', label: m.kinds.business },
            ]}
            {...form.getInputProps('kind')}
          />
        </div>
        <TextInput
          label={isBusiness ? m.taxCode : m.personalId}
          description={isBusiness ? m.taxCodeHint : m.personalIdHint}
          inputMode="numeric"
          autoComplete="off"
          required
          {...form.getInputProps('identityNumber')}
        />
        <TextInput label={isBusiness ? m.businessName : m.fullName} autoComplete="name" required {...form.getInputProps('fullName')} />
        <Text size="sm" c="gray.8">
          {m.contactHint}
        </Text>
        <TextInput label={m.email} type="email" autoComplete="email" {...form.getInputProps('email')} />
        <TextInput label={m.phone} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        <PasswordInput
          label={m.password}
          description={m.passwordHint(passwordRules.minLength)}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput label={m.passwordRepeat} autoComplete="new-password" required {...form.getInputProps('repeat')} />
        <Button type="submit" loading={register.isPending} fullWidth>
          {m.submit}
        </Button>
      </Stack>
    </form>
  );
}

function secondsUntil(instant: string): number {
  return Math.max(0, Math.ceil((new Date(instant).getTime() - Date.now()) / 1000));
}

function VerifyForm({
  pending,
  initialCode = '',
  onRestart,
}: {
  pending: PendingVerification;
  /** From the message's link: filled in, and the page says so instead of where the code went. */
  initialCode?: string;
  onRestart: () => void;
}) {
  const navigate = useNavigate();
  const verify = useVerifyRegistration();
  const resend = useResendCode();
  const [current, setCurrent] = useState(pending);
  const [wait, setWait] = useState(() => secondsUntil(pending.resendAvailableAt));
  useEffect(() => {
    setWait(secondsUntil(current.resendAvailableAt));
    const timer = setInterval(() => setWait(secondsUntil(current.resendAvailableAt)), 1000);
    return () => clearInterval(timer);
  }, [current]);
  const form = useForm({
    initialValues: { code: initialCode },
    validate: { code: (value) => (isSixDigits(value) ? null : vi.accounts.verify.code) },
  });
  const handleSubmit = form.onSubmit((values) =>
    verify.mutate(
      { token: current.token, code: values.code.trim() },
      { onSuccess: (session) => void navigate(homeOf(session.user), { replace: true }) },
    ),
  );
  const handleResend = () =>
    resend.mutate(current.token, {
      onSuccess: (next) => {
        setCurrent(next);
        notifySuccess(vi.accounts.verify.resent);
      },
    });
  const t = vi.accounts.verify;
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Text>{initialCode && current === pending ? t.fromLink : t.sentTo(current.maskedRecipient)}</Text>
        {(verify.isError || resend.isError) && (
          <Alert color="red" role="alert">
            {errorMessage(verify.error ?? resend.error)}
          </Alert>
        )}
        <CodeInput label={t.code} {...form.getInputProps('code')} />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t.submit}
        </Button>
        <Button variant="default" onClick={handleResend} disabled={wait > 0} loading={resend.isPending}>
          {wait > 0 ? t.resendIn(wait) : t.resend}
        </Button>
        <Anchor component="button" type="button" onClick={onRestart}>
          {t.restart}
        </Anchor>
      </Stack>
    </form>
  );
}

/** What the page knows of a registration opened from the message's link: its token (the rest the server keeps). */
const pendingFromLink = (token: string): PendingVerification => ({
  token,
  channel: 'email',
  maskedRecipient: '',
  expiresAt: new Date().toISOString(),
  resendAvailableAt: new Date().toISOString(),
});

/**
 * /dang-ky: a citizen or business opens an account, then enters the code sent to them; /dang-ky/xac-nhan?token=…&ma=…
 * (the message's link) opens the second step with the code filled in.
 */
export function RegisterPage() {
  usePageTitle(m.title);
  const session = useSession();
  const link = useCodeFromLink();
  const [pending, setPending] = useState<PendingVerification | null>(() => (link ? pendingFromLink(link.token) : null));
  if (session.data && !pending) return <Navigate to={homeOf(session.data.user)} replace />;
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" maw={520} mx="auto" my="xl">
      <Title order={1} size="h2" mb="xs">
        {pending ? vi.accounts.verify.title : m.title}
      </Title>
      {pending ? (
        <VerifyForm pending={pending} initialCode={link?.token === pending.token ? link.code : ''} onRestart={() => setPending(null)} />
      ) : (
        <>
          <Text c="gray.8" mb="lg">
            {m.intro}
          </Text>
          <RegisterForm onRegistered={setPending} />
          <Text mt="md" size="sm">
            {m.haveAccount}{' '}
            <Anchor component={Link} to="/dang-nhap" underline="always">
              {m.login}
            </Anchor>
          </Text>
        </>
      )}
    </Paper>
  );
}
