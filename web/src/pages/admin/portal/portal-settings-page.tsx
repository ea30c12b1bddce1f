import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PortalView } from '../../../api/portal';
import { usePortal, useSavePortalSettings } from '../../../api/portal';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';

const m = vi.portalSettings;

function PortalSettingsForm({ portal }: { portal: PortalView }) {
  const save = useSavePortalSettings();
  const form = useForm({
    initialValues: {
      provinceName: portal.isDefault ? '' : portal.provinceName,
      centreName: portal.centreName ?? '',
      address: portal.address ?? '',
      phone: portal.phone ?? '',
      hotline: portal.hotline ?? '',
      email: portal.email ?? '',
    },
    validate: { provinceName: (value) => (value.trim() ? null : vi.common.required) },
  });
  const handleSubmit = form.onSubmit(
    (values) =>
      save.mutate(values, {
        onSuccess: () => notifySuccess(m.saved),
        onError: (error) => reportMutationError(form, error),
      }),
    reportInvalidForm,
  );
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <TextInput label={m.provinceName} description={m.provinceNameHint} required {...form.getInputProps('provinceName')} />
        <TextInput label={m.centreName} {...form.getInputProps('centreName')} />
        <TextInput label={m.address} {...form.getInputProps('address')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={m.phone} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={m.hotline} type="tel" {...form.getInputProps('hotline')} />
          <TextInput label={m.email} type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {m.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PortalSettingsPage() {
  usePageTitle(m.title);
  const query = usePortal();
  return (
    <Stack>
      <Title order={1}>{m.title}</Title>
      <Text c="gray.8">{m.hint}</Text>
      {query.data?.isDefault && <Alert color="yellow">{m.isDefault}</Alert>}
      <Paper withBorder p="lg" radius="md">
        {query.data ? <PortalSettingsForm portal={query.data} /> : <QueryState query={query} />}
      </Paper>
    </Stack>
  );
}
