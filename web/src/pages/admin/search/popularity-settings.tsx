import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { popularityWeightRange } from '../../../../../src/contract/search';
import { type SearchSettings, useSaveSearchSettings, useSearchSettings } from '../../../api/search-dictionary';
import { notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { formatDate, formatNumber, formatPercent, formatVietnamDateTime } from '../../../lib/format';

const m = vi.searchDictionary;

function Counts({ popularity }: { popularity: SearchSettings['popularity'] }) {
  if (!popularity) return <Text size="sm">{m.popularityNoCounts}</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {m.popularityCounts(
          formatNumber(popularity.procedures),
          formatNumber(popularity.dossiers),
          formatDate(popularity.period.from),
          formatDate(popularity.period.to),
          formatVietnamDateTime(popularity.computedAt),
        )}
      </Text>
      {popularity.top.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder>
            <Table.Caption>{m.popularityTop}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.procedure}</Table.Th>
                <Table.Th scope="col">{m.dossiers}</Table.Th>
                <Table.Th scope="col">{m.popularity}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {popularity.top.map((entry) => (
                <Table.Tr key={entry.code}>
                  <Table.Td>
                    {entry.code}
                    {entry.name && ` — ${entry.name}`}
                  </Table.Td>
                  <Table.Td>{formatNumber(entry.dossiers)}</Table.Td>
                  <Table.Td>{formatPercent(entry.popularity)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The weight of the popularity prior and the dossier counts it reads: administrators only (the server checks). */
export function PopularitySettings() {
  const settings = useSearchSettings();
  const save = useSaveSearchSettings();
  const form = useForm<{ popularityWeight: number | string }>({
    initialValues: { popularityWeight: '' },
    validate: {
      popularityWeight: (value) =>
        typeof value === 'number' && value >= popularityWeightRange.min && value <= popularityWeightRange.max
          ? null
          : m.popularityWeightHint(formatNumber(settings.data?.defaultPopularityWeight ?? 0)),
    },
  });
  const weight = settings.data?.popularityWeight;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the saved weight, not its own edits
  useEffect(() => {
    if (weight !== undefined) form.setValues({ popularityWeight: weight });
  }, [weight]);
  const handleSubmit = form.onSubmit(
    (values) =>
      save.mutate(
        { popularityWeight: Number(values.popularityWeight) },
        { onSuccess: () => notifySuccess(m.popularitySaved), onError: (error) => reportMutationError(form, error) },
      ),
    reportInvalidForm,
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="popularity-settings">
      <Title order={2} size="h4" id="popularity-settings" mb={4}>
        {m.popularityTitle}
      </Title>
      <Text size="sm" c="gray.7" mb="sm" maw={820}>
        {m.popularityIntro}
      </Text>
      {settings.data ? (
        <Stack gap="sm">
          <form onSubmit={handleSubmit} noValidate>
            <Group align="flex-end">
              <NumberInput
                label={m.popularityWeight}
                description={m.popularityWeightHint(formatNumber(settings.data.defaultPopularityWeight))}
                min={popularityWeightRange.min}
                max={popularityWeightRange.max}
                step={0.05}
                decimalScale={2}
                decimalSeparator=","
                w={260}
                {...form.getInputProps('popularityWeight')}
              />
              <Button type="submit" loading={save.isPending}>
                {m.save}
              </Button>
            </Group>
          </form>
          {settings.data.popularityWeight === 0 ? (
            <Text size="sm">{m.popularityOff}</Text>
          ) : (
            settings.data.isDefault && <Text size="sm">{m.popularityDefault}</Text>
          )}
          <Counts popularity={settings.data.popularity} />
        </Stack>
      ) : (
        <QueryState query={settings} />
      )}
    </Paper>
  );
}
