import { Anchor, Badge, Button, FileButton, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DecisionList } from '../../../../../src/contract/catalog';
import { errorMessage } from '../../../api/client';
import { signedFileDownloadUrl, useAttachSignedFile, useDecisions } from '../../../api/decisions';
import { notifySuccess } from '../../../components/form-errors';
import { usePageTitle } from '../../../components/page-title';
import { vi } from '../../../i18n/vi';
import { formatDate, formatFileSize } from '../../../lib/format';

const m = vi.adminDecisions;
type DecisionRow = DecisionList['items'][number];

/** The decisions entered, where a signed PDF left out at entry (or a wrong one) is attached afterwards. */
export function DecisionsPage() {
  usePageTitle(m.list.title);
  const { data: decisions, isLoading, error } = useDecisions();
  const c = m.list.columns;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{m.list.title}</Title>
        <Button component={Link} to="/quan-tri/quyet-dinh/moi" leftSection={<IconPlus size={18} aria-hidden />}>
          {m.title}
        </Button>
      </Group>
      <Text c="gray.8">{m.list.intro}</Text>
      {isLoading && <Loader aria-label={vi.common.loading} />}
      {error && <Text c="red.8">{errorMessage(error)}</Text>}
      {decisions && decisions.length === 0 && <Text>{m.list.empty}</Text>}
      {decisions && decisions.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{c.number}</Table.Th>
                <Table.Th scope="col">{c.issuer}</Table.Th>
                <Table.Th scope="col">{c.date}</Table.Th>
                <Table.Th scope="col">{c.effectiveDate}</Table.Th>
                <Table.Th scope="col">{c.items}</Table.Th>
                <Table.Th scope="col">{c.signedFile}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decisions.map((decision) => (
                <Table.Tr key={decision.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {decision.number}
                    {decision.isLatePublication && (
                      <Badge ml="xs" color="orange" variant="light">
                        {m.list.late}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{decision.issuerName ?? ''}</Table.Td>
                  <Table.Td>{formatDate(decision.date)}</Table.Td>
                  <Table.Td>{formatDate(decision.effectiveDate)}</Table.Td>
                  <Table.Td>{decision.itemCount + decision.flagChangeCount}</Table.Td>
                  <Table.Td>
                    <SignedFileCell decision={decision} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function SignedFileCell({ decision }: { decision: DecisionRow }) {
  const attach = useAttachSignedFile(decision.id);
  const upload = async (file: File | null) => {
    if (!file) return;
    try {
      await attach.mutateAsync(file);
      notifySuccess(m.signedFile.attachedNow(decision.number));
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    }
  };
  const label = decision.signedFile ? m.list.replaceFor(decision.number) : m.list.uploadFor(decision.number);
  return (
    <Group gap="xs" wrap="nowrap">
      {decision.signedFile ? (
        <Anchor href={signedFileDownloadUrl(decision.id)} size="sm">
          {m.list.download} ({formatFileSize(decision.signedFile.size)})
        </Anchor>
      ) : (
        <Text size="sm" c="gray.7">
          {decision.signedFileUrl ? m.list.link : m.list.missing}
        </Text>
      )}
      <FileButton onChange={(file) => void upload(file)} accept=".pdf,application/pdf">
        {(props) => (
          <Button {...props} variant="light" size="compact-xs" loading={attach.isPending} aria-label={label} title={label}>
            {decision.signedFile ? m.signedFile.replace : m.signedFile.upload}
          </Button>
        )}
      </FileButton>
    </Group>
  );
}
