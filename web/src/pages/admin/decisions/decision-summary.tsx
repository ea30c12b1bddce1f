import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { DecisionPreview } from '../../../../../src/contract/catalog';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { formatDate } from '../../../lib/format';

const m = vi.adminDecisions;

function changesOf(item: DecisionPreview['items'][number]): string {
  if (item.action === 'abolished') return m.abolished;
  const parts =
    item.baseVersionNo === null ? m.wholeRecord : item.changedParts.map((part) => vi.labels.recordParts[part] ?? part).join(', ');
  return item.replaces.length ? `${parts}; ${m.replaces(item.replaces.map((ref) => `${ref.code} (${ref.name})`).join(', '))}` : parts;
}

/** What a decision would change, shown before it is published (the decision page and the procedure editor). */
export function DecisionSummary(props: {
  preview: DecisionPreview;
  /** The signed PDF uploaded with the decision (the decision page), if any; left out where none can be attached. */
  signedFileName?: string | null;
  isConfirming: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { preview } = props;
  const c = m.columns;
  return (
    <Section id="decision-summary" title={m.summaryTitle}>
      <Stack gap="md">
        <Text>{m.summaryIntro(preview.items.length, formatDate(preview.items[0]?.effectiveFrom ?? preview.decision.effectiveDate))}</Text>
        {props.signedFileName !== undefined && (
          <Text size="sm">{props.signedFileName ? m.signedFile.summary(props.signedFileName) : m.signedFile.summaryNone}</Text>
        )}
        {preview.decision.isLatePublication && (
          <Alert color="orange" role="note">
            {m.lateNote}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{c.position}</Table.Th>
                <Table.Th>{c.action}</Table.Th>
                <Table.Th>{c.code}</Table.Th>
                <Table.Th>{c.name}</Table.Th>
                <Table.Th>{c.version}</Table.Th>
                <Table.Th>{c.changes}</Table.Th>
                <Table.Th>{c.effectiveFrom}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.items.map((item) => (
                <Table.Tr key={item.position}>
                  <Table.Td>{item.position}</Table.Td>
                  <Table.Td>{vi.labels.decisionTypes[item.action]}</Table.Td>
                  <Table.Td>{item.code}</Table.Td>
                  <Table.Td>{item.name}</Table.Td>
                  <Table.Td>{m.versionChange(item.baseVersionNo, item.versionNo)}</Table.Td>
                  <Table.Td>{changesOf(item)}</Table.Td>
                  <Table.Td>{formatDate(item.effectiveFrom)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onBack}>
            {m.back}
          </Button>
          <Button size="md" loading={props.isConfirming} onClick={props.onConfirm}>
            {m.confirm}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
