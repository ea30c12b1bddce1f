import { Badge, DataList, Group, List, Spoiler, Text } from '@mantine/core';
import type { ProcedureDetail, UnitRef } from '../../../../../src/contract/catalog';
import { useProcedureProcesses } from '../../../api/procedures';
import { OnlineBadge } from '../../../components/online-badge';
import { Section, useDataListOrientation } from '../../../components/section';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatDate, formatDuration } from '../../../lib/format';

const m = vi.procedureDetail;

const FOLDED_UNIT_COUNT = 6;

/** Commune procedures name every commune of the province: long lists start folded. */
function UnitList({ units }: { units: UnitRef[] }) {
  if (units.length === 0) return <>{vi.common.notProvided}</>;
  if (units.length === 1) return <>{units[0]!.name}</>;
  const list = (
    <List size="sm">
      {units.map((unit) => (
        <List.Item key={unit.code}>{unit.name}</List.Item>
      ))}
    </List>
  );
  if (units.length <= FOLDED_UNIT_COUNT) return list;
  return (
    <Spoiler maxHeight={130} showLabel={m.showAllUnits(units.length)} hideLabel={m.showFewerUnits}>
      {list}
    </Spoiler>
  );
}

/** The published wording adds something only when it is more than a bare number. */
const hasWords = (text: string | null): text is string => !!text && /\p{L}/u.test(text);

function applicantsOf(procedure: ProcedureDetail): string {
  if (procedure.applicantsText) return procedure.applicantsText;
  return procedure.applicantTypes.map((type) => vi.labels.applicantTypes[type] ?? type).join('; ');
}

/** The time the province commits to (an approved internal process), shown beside the statutory time when shorter. */
function CommittedTime({ procedure }: { procedure: ProcedureDetail }) {
  const query = useProcedureProcesses(procedure.status === 'in_force' ? procedure.code : '');
  const committed = query.data?.committedTime;
  if (!committed?.approval) return null;
  const { approval } = committed;
  return (
    <Text size="sm" mt={4}>
      <strong>{m.committedTime(formatDuration(committed.committed))}</strong> (
      {m.committedBasis(approval.decisionNumber, formatDate(approval.effectiveFrom))})
    </Text>
  );
}

/** Agencies by role of the TT 02/2017 forms: who decides, who coordinates, who was handed the competence. */
function RoleRows({ procedure }: { procedure: ProcedureDetail }) {
  return (
    <>
      {procedure.decidingAuthority && (
        <DataList.Item>
          <DataList.ItemLabel>{m.decidingAuthority}</DataList.ItemLabel>
          <DataList.ItemValue>{procedure.decidingAuthority.name}</DataList.ItemValue>
        </DataList.Item>
      )}
      {procedure.coordinatingAgencies.length > 0 && (
        <DataList.Item>
          <DataList.ItemLabel>{m.coordinatingAgencies}</DataList.ItemLabel>
          <DataList.ItemValue>
            <List size="sm">
              {procedure.coordinatingAgencies.map((agency, index) => (
                <List.Item key={`${agency.unitCode ?? agency.name}-${index}`}>{agency.name}</List.Item>
              ))}
            </List>
          </DataList.ItemValue>
        </DataList.Item>
      )}
      {procedure.delegations.length > 0 && (
        <DataList.Item>
          <DataList.ItemLabel>{m.delegations}</DataList.ItemLabel>
          <DataList.ItemValue>
            <List size="sm">
              {procedure.delegations.map((delegation, index) => (
                <List.Item key={`${delegation.kind}-${index}`}>
                  {m.delegation(vi.labels.delegationKinds[delegation.kind], delegation.from, delegation.to)}
                  {delegation.legalBasis && ` (${delegation.legalBasis})`}
                </List.Item>
              ))}
            </List>
          </DataList.ItemValue>
        </DataList.Item>
      )}
    </>
  );
}

export function GeneralSection({ procedure }: { procedure: ProcedureDetail }) {
  const time = formatDuration(procedure.processingTime);
  const timeNote = procedure.processingTime.text;
  const orientation = useDataListOrientation();
  return (
    <Section id="section-general" title={m.sections.general}>
      <DataList labelWidth="14rem" withDivider orientation={orientation}>
        <DataList.Item>
          <DataList.ItemLabel>{m.code}</DataList.ItemLabel>
          <DataList.ItemValue>{procedure.code}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{m.field}</DataList.ItemLabel>
          <DataList.ItemValue>{procedure.field}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{m.levels}</DataList.ItemLabel>
          <DataList.ItemValue>{procedure.levels.map((level) => vi.labels.levels[level]).join(', ')}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{m.handlingUnits}</DataList.ItemLabel>
          <DataList.ItemValue>
            <UnitList units={procedure.handlingUnits} />
          </DataList.ItemValue>
        </DataList.Item>
        <RoleRows procedure={procedure} />
        <DataList.Item>
          <DataList.ItemLabel>{m.receivingUnits}</DataList.ItemLabel>
          <DataList.ItemValue>
            <UnitList units={procedure.receivingUnits} />
            {procedure.locationIndependent && (
              <Group gap="xs" mt={4}>
                <Tag tone="teal">{m.locationIndependent}</Tag>
                <Text size="sm">{m.locationIndependentHint}</Text>
              </Group>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{m.processingTime}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text fw={700}>{time}</Text>
            {hasWords(timeNote) && timeNote.toLocaleLowerCase('vi') !== time.toLocaleLowerCase('vi') && (
              <Text size="sm" c="gray.7">
                {timeNote}
              </Text>
            )}
            <CommittedTime procedure={procedure} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{m.onlineLevel}</DataList.ItemLabel>
          <DataList.ItemValue>
            <OnlineBadge level={procedure.onlineLevel} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{m.applicants}</DataList.ItemLabel>
          <DataList.ItemValue>{applicantsOf(procedure) || vi.common.notProvided}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Group gap="xs" mt="md">
        {procedure.postalEligible && (
          <Badge variant="outline" color="gray.8" tt="none">
            {m.postalEligible}
          </Badge>
        )}
        {procedure.businessRelated && (
          <Badge variant="outline" color="gray.8" tt="none">
            {m.businessRelated}
          </Badge>
        )}
      </Group>
    </Section>
  );
}
