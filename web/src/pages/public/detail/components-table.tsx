import { Box, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ProcedureComponent } from '../../../../../src/contract/catalog';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { FormCell, formNameOf, type VersionRef } from './forms';

const m = vi.procedureDetail.components;
type ComponentGroup = [string | null, ProcedureComponent[]];

function groupComponents(components: ProcedureComponent[]): ComponentGroup[] {
  const groups = new Map<string | null, ProcedureComponent[]>();
  for (const component of components) {
    const key = component.group || null;
    groups.set(key, [...(groups.get(key) ?? []), component]);
  }
  return [...groups.entries()];
}

const yesNo = (value: boolean) => (value ? vi.common.yes : vi.common.no);

function ComponentsWideTable({ groups, hasGroups, version }: { groups: ComponentGroup[]; hasGroups: boolean; version: VersionRef }) {
  return (
    <Table striped withTableBorder verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{m.name}</Table.Th>
          <Table.Th scope="col" ta="center">
            {m.originals}
          </Table.Th>
          <Table.Th scope="col" ta="center">
            {m.copies}
          </Table.Th>
          <Table.Th scope="col" ta="center">
            {m.required}
          </Table.Th>
          <Table.Th scope="col" miw={140}>
            {m.form}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      {groups.map(([group, items]) => (
        <Table.Tbody key={group ?? ''}>
          {hasGroups && (
            <Table.Tr>
              <Table.Th scope="colgroup" colSpan={5} bg="gray.1">
                {group ?? m.ungrouped}
              </Table.Th>
            </Table.Tr>
          )}
          {items.map((component, index) => (
            <Table.Tr key={`${component.name}-${index}`}>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>{component.name}</Table.Td>
              <Table.Td ta="center">{component.originals}</Table.Td>
              <Table.Td ta="center">{component.copies}</Table.Td>
              <Table.Td ta="center">{yesNo(component.required)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <FormCell component={component} version={version} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      ))}
    </Table>
  );
}

/** On a phone each document is a small card, so that its counts stay next to its name. */
function ComponentsNarrowList({ groups, hasGroups, version }: { groups: ComponentGroup[]; hasGroups: boolean; version: VersionRef }) {
  return (
    <Stack gap="md">
      {groups.map(([group, items]) => (
        <div key={group ?? ''}>
          {hasGroups && (
            <Title order={3} size="h5" mb="xs">
              {group ?? m.ungrouped}
            </Title>
          )}
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((component, index) => (
              <Paper component="li" withBorder p="sm" key={`${component.name}-${index}`}>
                <Text style={{ whiteSpace: 'pre-line' }}>{component.name}</Text>
                <Group gap="md" mt={4}>
                  <Text size="sm">
                    {m.originals}: <strong>{component.originals}</strong>
                  </Text>
                  <Text size="sm">
                    {m.copies}: <strong>{component.copies}</strong>
                  </Text>
                  <Text size="sm">
                    {m.required}: <strong>{yesNo(component.required)}</strong>
                  </Text>
                </Group>
                {formNameOf(component) && (
                  <Box mt={4} style={{ overflowWrap: 'anywhere' }}>
                    <FormCell component={component} version={version} />
                  </Box>
                )}
              </Paper>
            ))}
          </Stack>
        </div>
      ))}
    </Stack>
  );
}

export function ComponentsTable({
  components,
  dossierSets,
  version,
}: {
  components: ProcedureComponent[];
  dossierSets: number | null;
  version: VersionRef;
}) {
  const groups = groupComponents(components);
  const hasGroups = groups.some(([group]) => group !== null);
  return (
    <Section id="section-components" title={vi.procedureDetail.sections.components}>
      {components.length === 0 ? (
        <Text>{m.empty}</Text>
      ) : (
        <>
          <Box visibleFrom="sm">
            <ComponentsWideTable groups={groups} hasGroups={hasGroups} version={version} />
          </Box>
          <Box hiddenFrom="sm">
            <ComponentsNarrowList groups={groups} hasGroups={hasGroups} version={version} />
          </Box>
          {dossierSets !== null && (
            <Text mt="sm">
              {vi.procedureDetail.dossierSets}: <strong>{vi.procedureDetail.dossierSetsValue(dossierSets)}</strong>
            </Text>
          )}
        </>
      )}
    </Section>
  );
}
