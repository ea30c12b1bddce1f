import { Table } from '@mantine/core';
import type { ProcessStep } from '../../../../../src/contract/catalog';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { formatDuration } from '../../../lib/format';

const m = vi.procedureDetail.process;

export function ProcessSection({ steps }: { steps: ProcessStep[] }) {
  if (steps.length === 0) return null;
  return (
    <Section id="section-process" title={vi.procedureDetail.sections.process}>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{m.order}</Table.Th>
              <Table.Th scope="col">{m.name}</Table.Th>
              <Table.Th scope="col">{m.role}</Table.Th>
              <Table.Th scope="col">{m.budget}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...steps]
              .sort((a, b) => a.order - b.order)
              .map((step) => (
                <Table.Tr key={step.order}>
                  <Table.Td>{step.order}</Table.Td>
                  <Table.Td>{step.name}</Table.Td>
                  <Table.Td>{vi.labels.processRoles[step.role]}</Table.Td>
                  <Table.Td>{formatDuration(step.budget)}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
