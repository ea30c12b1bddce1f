import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSearch } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { publicDossierStatusQuerySchema } from '../../../../../src/contract/dossiers';
import { isApiError } from '../../../api/client';
import { type PublicDossierStatus, usePublicDossierStatus } from '../../../api/dossiers';
import { reportInvalidForm } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { ErrorAlert } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { formatVietnamDateTime } from '../../../lib/format';
import { DossierStatusTag, TimingTag } from '../shared/status-tag';

const m = vi.dossiers.lookup;
const d = vi.dossiers.detail;

function StatusView({ status }: { status: PublicDossierStatus }) {
  const facts: [string, string | null][] = [
    [d.procedure, status.procedureName],
    [d.handlingUnit, status.handlingUnitName],
    [d.receivedAt, status.receivedAt && formatVietnamDateTime(status.receivedAt)],
    [d.dueAt, status.dueAt && formatVietnamDateTime(status.dueAt)],
    [d.resolvedAt, status.resolvedAt && formatVietnamDateTime(status.resolvedAt)],
    [d.returnedAt, status.returnedAt && formatVietnamDateTime(status.returnedAt)],
  ];
  const done = status.steps.filter((step) => step.status === 'done');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="lookup-result">
      <Title order={2} size="h3" id="lookup-result">
        {m.resultHeading}: {status.code}
      </Title>
      <Group gap="xs" my="sm">
        <DossierStatusTag status={status.status} receivedAt={status.receivedAt} />
        {status.timing && <TimingTag timing={status.timing} />}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <Text size="sm" c="gray.7">
                {label}
              </Text>
              <Text size="sm">{value}</Text>
            </div>
          ))}
      </SimpleGrid>
      {done.length > 0 && (
        <>
          <Text fw={600} mt="md" size="sm">
            {m.steps}
          </Text>
          <List size="sm" spacing={4}>
            {done.map((step) => (
              <List.Item key={`${step.name}-${step.completedAt}`}>
                {step.name}
                {step.completedAt ? ` — ${formatVietnamDateTime(step.completedAt)}` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {status.supplementItems.length > 0 && (
        <Alert color="orange" mt="md" title={m.supplement}>
          <List size="sm">
            {status.supplementItems.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}

/** Public: a dossier's status from its code and the applicant's ID number (`?ma=` comes from the QR code of Mẫu 01). */
export function LookupPage() {
  usePageTitle(m.title);
  const [params] = useSearchParams();
  const lookup = usePublicDossierStatus();
  const form = useForm({
    initialValues: { code: params.get('ma') ?? '', idNumber: '' },
    validate: (values) => {
      const parsed = publicDossierStatusQuerySchema.safeParse(values);
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    },
  });
  const code = params.get('ma');
  useEffect(() => {
    if (code) document.getElementById('lookup-id-number')?.focus();
  }, [code]);
  const handleSubmit = form.onSubmit(
    (values) => lookup.mutate({ code: values.code.trim(), idNumber: values.idNumber.trim() }),
    reportInvalidForm,
  );

  return (
    <Stack gap="md" maw={760} mx="auto" w="100%">
      <div>
        <Title order={1}>{m.title}</Title>
        <Text c="gray.8">{m.intro}</Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={handleSubmit} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={m.code} required {...form.getInputProps('code')} />
            <TextInput id="lookup-id-number" label={m.idNumber} required inputMode="numeric" {...form.getInputProps('idNumber')} />
          </SimpleGrid>
          <Button type="submit" mt="md" loading={lookup.isPending} leftSection={<IconSearch size={16} aria-hidden />}>
            {m.submit}
          </Button>
        </form>
      </Paper>
      {lookup.isError &&
        (isApiError(lookup.error, 404) ? (
          <Alert color="orange" role="alert">
            {m.notFound}
          </Alert>
        ) : (
          <ErrorAlert error={lookup.error} />
        ))}
      {lookup.data && <StatusView status={lookup.data} />}
    </Stack>
  );
}
