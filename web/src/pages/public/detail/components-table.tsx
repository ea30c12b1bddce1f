import { Table, Text } from '@mantine/core';
import type { ProcedureComponent } from '../../../api/types';
import { vi } from '../../../i18n/vi';
import { Section } from './section';

const m = vi.procedureDetail.components;

function groupComponents(components: ProcedureComponent[]): [string | null, ProcedureComponent[]][] {
  const groups = new Map<string | null, ProcedureComponent[]>();
  for (const component of components) {
    const key = component.group || null;
    groups.set(key, [...(groups.get(key) ?? []), component]);
  }
  return [...groups.entries()];
}

const count = (value: number | null) => (value === null ? '—' : String(value));

export function ComponentsTable({ components }: { components: ProcedureComponent[] }) {
  const groups = groupComponents(components);
  const hasGroups = groups.some(([group]) => group !== null);
  return (
    <Section id="section-components" title={vi.procedureDetail.sections.components}>
      {components.length === 0 ? (
        <Text>{m.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
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
                <Table.Th scope="col">{m.form}</Table.Th>
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
                    <Table.Td ta="center">{count(component.originals)}</Table.Td>
                    <Table.Td ta="center">{count(component.copies)}</Table.Td>
                    <Table.Td ta="center">{component.required ? vi.common.yes : vi.common.no}</Table.Td>
                    <Table.Td>{component.formTemplate ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            ))}
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
