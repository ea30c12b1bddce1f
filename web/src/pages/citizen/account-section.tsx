import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { AccountProfile } from '../../../../src/contract/accounts';
import { useProfile, useUpdateProfile } from '../../api/accounts';
import { emptyToNull, notifySuccess, reportMutationError } from '../../components/form-errors';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';

const m = vi.accounts.profile;

function Verified({ value, isVerified }: { value: string | null; isVerified: boolean }) {
  if (!value) return <Text c="gray.7">{vi.common.notProvided}</Text>;
  return (
    <Group gap="xs" wrap="wrap">
      <Text style={{ overflowWrap: 'anywhere' }}>{value}</Text>
      <Badge color={isVerified ? 'green' : 'gray'} variant="light">
        {isVerified ? m.verified : m.unverified}
      </Badge>
    </Group>
  );
}

function ProfileView({ profile }: { profile: AccountProfile }) {
  const isBusiness = profile.kind === 'business';
  const rows: [string, React.ReactNode][] = [
    [isBusiness ? m.businessName : m.fullName, profile.fullName],
    [isBusiness ? m.taxCode : m.personalId, (isBusiness ? profile.taxCode : profile.personalId) ?? vi.common.notProvided],
    [m.email, <Verified key="email" value={profile.email} isVerified={profile.isEmailVerified} />],
    [m.phone, <Verified key="phone" value={profile.phone} isVerified={profile.isPhoneVerified} />],
    [m.address, profile.address ?? vi.common.notProvided],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label={m.heading}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={{ base: 110, sm: 200 }} scope="row">
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ProfileForm({ profile, onDone }: { profile: AccountProfile; onDone: () => void }) {
  const update = useUpdateProfile();
  const isBusiness = profile.kind === 'business';
  const identity = isBusiness ? profile.taxCode : profile.personalId;
  const form = useForm({
    initialValues: {
      fullName: profile.fullName,
      identityNumber: identity ?? '',
      email: profile.email ?? '',
      phone: profile.phone ?? '',
      address: profile.address ?? '',
    },
    validate: { fullName: (value) => (value.trim() ? null : vi.common.required) },
  });
  const handleSubmit = form.onSubmit((values) =>
    update.mutate(
      {
        fullName: values.fullName,
        email: emptyToNull(values.email),
        phone: emptyToNull(values.phone),
        address: emptyToNull(values.address),
        ...(identity || !values.identityNumber.trim() ? {} : { identityNumber: values.identityNumber.trim() }),
        version: profile.version,
      },
      {
        onSuccess: () => {
          notifySuccess(m.saved);
          onDone();
        },
        onError: (error) => reportMutationError(form, error),
      },
    ),
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <TextInput label={isBusiness ? m.businessName : m.fullName} required {...form.getInputProps('fullName')} />
        <TextInput
          label={isBusiness ? m.taxCode : m.personalId}
          disabled={!!identity}
          description={identity ? m.identityFixed : undefined}
          inputMode="numeric"
          {...form.getInputProps('identityNumber')}
        />
        <TextInput label={m.email} type="email" autoComplete="email" {...form.getInputProps('email')} />
        <TextInput label={m.phone} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        <TextInput label={m.address} autoComplete="street-address" {...form.getInputProps('address')} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {vi.common.save}
          </Button>
          <Button variant="default" onClick={onDone}>
            {vi.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Thông tin tài khoản": what an online application prefills, editable by its owner. */
export function AccountSection() {
  const profile = useProfile();
  const [isEditing, setEditing] = useState(false);
  return (
    <Paper component="section" aria-labelledby="account-info" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="account-info">
          {m.heading}
        </Title>
        {profile.data && !isEditing && (
          <Button variant="light" onClick={() => setEditing(true)}>
            {m.edit}
          </Button>
        )}
      </Group>
      <Text c="gray.8" mb="sm">
        {m.intro}
      </Text>
      {!profile.data ? (
        <QueryState query={profile} />
      ) : isEditing ? (
        <ProfileForm profile={profile.data} onDone={() => setEditing(false)} />
      ) : (
        <ProfileView profile={profile.data} />
      )}
    </Paper>
  );
}
