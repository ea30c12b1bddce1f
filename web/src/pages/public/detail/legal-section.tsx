import { Anchor, DataList, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { LegalDocument, ProcedureDetail } from '../../../../../src/contract/catalog';
import { signedFileDownloadUrl } from '../../../api/decisions';
import { Section, useDataListOrientation } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { formatDate, formatFileSize } from '../../../lib/format';

const m = vi.procedureDetail;

export function LegalBasisSection({ documents }: { documents: LegalDocument[] }) {
  return (
    <Section id="section-legal" title={m.sections.legalBasis}>
      {documents.length === 0 ? (
        <Text>{vi.common.notProvided}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.legalBasis.number}</Table.Th>
                <Table.Th scope="col">{m.legalBasis.title}</Table.Th>
                <Table.Th scope="col">{m.legalBasis.date}</Table.Th>
                <Table.Th scope="col">{m.legalBasis.effectiveDate}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((document, index) => (
                <Table.Tr key={`${document.number}-${index}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{document.number}</Table.Td>
                  <Table.Td>{document.title}</Table.Td>
                  <Table.Td>{formatDate(document.date)}</Table.Td>
                  <Table.Td>{formatDate(document.effectiveDate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

const isWebLink = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

/** The signed decision: the PDF uploaded here, or the link recorded before files were stored (an outside page). */
function SignedFileItem({ decision }: { decision: NonNullable<ProcedureDetail['decision']> }) {
  if (!decision.signedFile && !decision.signedFileUrl) return null;
  return (
    <DataList.Item>
      <DataList.ItemLabel>{m.decision.signedFile}</DataList.ItemLabel>
      <DataList.ItemValue>
        {decision.signedFile ? (
          <Anchor href={signedFileDownloadUrl(decision.id)} fw={600}>
            <IconDownload size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
            {m.decision.download(formatFileSize(decision.signedFile.size))}
          </Anchor>
        ) : isWebLink(decision.signedFileUrl) ? (
          <Anchor href={decision.signedFileUrl} target="_blank" rel="noopener noreferrer">
            {m.decision.externalLink}
          </Anchor>
        ) : (
          // Recorded as text (not a web address): shown, never followed.
          <Text span>{decision.signedFileUrl}</Text>
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

/** `effectiveFrom`: the day the version took effect here (for a late publication, later than the decision's date). */
export function DecisionSection({ decision, effectiveFrom }: { decision: ProcedureDetail['decision']; effectiveFrom: string }) {
  const orientation = useDataListOrientation();
  return (
    <Section id="section-decision" title={m.sections.decision}>
      {decision ? (
        <DataList labelWidth="12rem" withDivider orientation={orientation}>
          {(
            [
              [m.decision.number, decision.number],
              [m.decision.issuer, decision.issuerName ?? ''],
              [m.decision.date, formatDate(decision.date)],
              [m.decision.signer, [decision.signerTitle, decision.signer].filter(Boolean).join(' — ')],
              [m.decision.type, vi.labels.decisionTypes[decision.type]],
              [m.decision.effectiveDate, formatDate(decision.effectiveDate)],
              [m.decision.nationalPublishedOn, formatDate(decision.nationalPublishedOn)],
              [m.decision.late, decision.isLatePublication ? m.decision.lateText(formatDate(effectiveFrom)) : ''],
            ] as const
          )
            .filter(([, value]) => value !== '')
            .map(([label, value]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel>{label}</DataList.ItemLabel>
                <DataList.ItemValue>{value}</DataList.ItemValue>
              </DataList.Item>
            ))}
          <SignedFileItem decision={decision} />
        </DataList>
      ) : (
        <Text>{m.decision.none}</Text>
      )}
    </Section>
  );
}
