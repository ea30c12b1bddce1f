import { Button, Group, Table, Text } from '@mantine/core';
import type { Regime } from '../../../../../src/contract/reform-regimes';
import { vi } from '../../../i18n/vi';
import { DemoTag } from '../shared/reform-tags';

const m = vi.reformRegimes;

interface RegimesTableProps {
  items: Regime[];
  /** null: the user may not edit regimes, so no column for it. */
  onEdit: ((regime: Regime) => void) | null;
  onDelete: (regime: Regime) => void;
}

export function RegimesTable({ items, onEdit, onDelete }: RegimesTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder verticalSpacing="sm">
        <Table.Caption>{m.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.columns.name}</Table.Th>
            <Table.Th scope="col">{m.columns.unit}</Table.Th>
            <Table.Th scope="col">{m.columns.legalBasis}</Table.Th>
            <Table.Th scope="col">{m.columns.electronic}</Table.Th>
            {onEdit && <Table.Th scope="col">{m.columns.actions}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((regime) => (
            <Table.Tr key={regime.id} style={{ verticalAlign: 'top' }}>
              <Table.Td maw={360}>
                <Text size="sm">{regime.name}</Text>
                {regime.isDemo && <DemoTag />}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{regime.unit.name}</Text>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm">{regime.legalBasis ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={regime.isElectronic ? 600 : undefined} c={regime.isElectronic ? 'green.9' : undefined}>
                  {regime.isElectronic ? m.isElectronic : m.isPaper}
                </Text>
              </Table.Td>
              {onEdit && (
                <Table.Td>
                  {regime.canEdit && (
                    <Group gap={4} wrap="nowrap">
                      <Button variant="subtle" size="xs" aria-label={m.editLabel(regime.name)} onClick={() => onEdit(regime)}>
                        {m.edit}
                      </Button>
                      <Button
                        variant="subtle"
                        color="red"
                        // The subtle variant's own red (red.6) falls short of 4.5:1 on light backgrounds.
                        c="red.9"
                        size="xs"
                        aria-label={m.removeLabel(regime.name)}
                        onClick={() => onDelete(regime)}
                      >
                        {m.remove}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
