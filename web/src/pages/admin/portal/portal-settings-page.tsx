import { Alert, Button, FileInput, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PortalView } from '../../../api/portal';
import { usePortal, useRemoveEmblem, useSavePortalSettings, useUploadEmblem } from '../../../api/portal';
import { notifyError, notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
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

function EmblemEditor({ portal }: { portal: PortalView }) {
  const upload = useUploadEmblem();
  const remove = useRemoveEmblem();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {m.emblem}
      </Title>
      <Text size="sm" c="gray.8">
        {m.emblemHint}
      </Text>
      {portal.emblemUrl ? (
        <Group>
          <img src={portal.emblemUrl} alt={m.emblemCurrent} width={72} height={72} style={{ objectFit: 'contain' }} />
          <Button
            variant="default"
            loading={remove.isPending}
            onClick={() => remove.mutate(undefined, { onSuccess: () => notifySuccess(m.emblemRemoved), onError: notifyError })}
          >
            {m.emblemRemove}
          </Button>
        </Group>
      ) : (
        <Text size="sm">{m.emblemDefault}</Text>
      )}
      <FileInput
        label={m.emblemUpload}
        accept="image/png,image/jpeg"
        clearable
        disabled={upload.isPending}
        onChange={(file) => file && upload.mutate(file, { onSuccess: () => notifySuccess(m.emblemUploaded), onError: notifyError })}
      />
    </Stack>
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
      {query.data && (
        <Paper withBorder p="lg" radius="md">
          <EmblemEditor portal={query.data} />
        </Paper>
      )}
    </Stack>
  );
}
