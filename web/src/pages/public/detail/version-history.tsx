import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { VersionSummary } from '../../../../../src/contract/catalog';
import type { VersionStatus } from '../../../../../src/contract/enums';
import { Section } from '../../../components/section';
import { Tag, type Tone } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatDate } from '../../../lib/format';

const m = vi.procedureDetail.versions;
const statusTones: Record<VersionStatus, Tone> = {
  in_force: 'green',
  scheduled: 'blue',
  superseded: 'gray',
  abolished: 'red',
};

interface VersionHistoryProps {
  code: string;
  versions: VersionSummary[];
  shownVersionNo: number;
}

export function VersionHistory({ code, versions, shownVersionNo }: VersionHistoryProps) {
  if (versions.length === 0) return null;
  const sorted = [...versions].sort((a, b) => b.versionNo - a.versionNo);
  const base = `/thu-tuc/${encodeURIComponent(code)}`;
  return (
    <Section id="section-versions" title={vi.procedureDetail.sections.versions}>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{m.versionNo}</Table.Th>
              <Table.Th scope="col">{m.status}</Table.Th>
              <Table.Th scope="col">{m.effectiveFrom}</Table.Th>
              <Table.Th scope="col">{m.effectiveTo}</Table.Th>
              <Table.Th scope="col">{m.decision}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((version) => (
              <Table.Tr key={version.versionNo}>
                <Table.Td>
                  {version.versionNo === shownVersionNo ? (
                    <span aria-current="page">
                      {version.versionNo} ({m.current})
                    </span>
                  ) : (
                    <Anchor
                      component={Link}
                      to={version.status === 'in_force' ? base : `${base}/phien-ban/${version.versionNo}`}
                      aria-label={version.status === 'in_force' ? m.viewInForce(version.versionNo) : m.view(version.versionNo)}
                    >
                      {version.versionNo}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Tag tone={statusTones[version.status]}>{vi.labels.versionStatuses[version.status]}</Tag>
                </Table.Td>
                <Table.Td>{formatDate(version.effectiveFrom)}</Table.Td>
                <Table.Td>{formatDate(version.effectiveTo)}</Table.Td>
                <Table.Td>{version.decision?.number ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
