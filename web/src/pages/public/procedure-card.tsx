import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { IconClock, IconCoin, IconMapPin } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ProcedureSummary, UnitRef } from '../../../../src/contract/catalog';
import { OnlineBadge } from '../../components/online-badge';
import { Tag } from '../../components/tag';
import { vi } from '../../i18n/vi';
import { formatDuration } from '../../lib/format';
import { HighlightedText } from './highlighted-text';

const m = vi.procedureList;

function Fact({ icon, label, value }: { icon: React.ReactNode; label: string; value: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {icon}
      <Text size="sm">
        <Text span c="gray.7">
          {label}:{' '}
        </Text>
        {value}
      </Text>
    </Group>
  );
}

const SHOWN_UNITS = 2;

/** Commune procedures name every commune: the card shows a few and counts the rest. */
function summariseUnits(units: UnitRef[]): string {
  const names = units
    .slice(0, SHOWN_UNITS)
    .map((unit) => unit.name)
    .join('; ');
  return units.length > SHOWN_UNITS ? `${names} ${m.moreUnits(units.length - SHOWN_UNITS)}` : names;
}

export function ProcedureCard({ procedure, matchedWords = [] }: { procedure: ProcedureSummary; matchedWords?: readonly string[] }) {
  return (
    <Card withBorder padding="md" component="article">
      <Title order={3} size="h4" mb={6}>
        <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(procedure.code)}`} c="nationalRed.8" fw={700}>
          <HighlightedText text={procedure.name} words={matchedWords} />
        </Anchor>
      </Title>
      <Group gap="xs" mb="xs">
        <Badge variant="outline" color="gray.8" tt="none">
          {m.code}: {procedure.code}
        </Badge>
        <OnlineBadge level={procedure.onlineLevel} />
        {procedure.levels.map((level) => (
          <Tag key={level} tone="gray">
            {vi.labels.levels[level]}
          </Tag>
        ))}
        {procedure.locationIndependent && <Tag tone="teal">{m.locationIndependent}</Tag>}
      </Group>
      <Text size="sm" c="gray.8" mb={6}>
        {m.field}: {procedure.field}
      </Text>
      <Group gap="lg">
        <Fact icon={<IconClock size={16} aria-hidden />} label={m.time} value={formatDuration(procedure.processingTime)} />
        {procedure.feeSummary && <Fact icon={<IconCoin size={16} aria-hidden />} label={m.fee} value={procedure.feeSummary} />}
        {procedure.handlingUnits.length > 0 && (
          <Fact icon={<IconMapPin size={16} aria-hidden />} label={m.handlingUnit} value={summariseUnits(procedure.handlingUnits)} />
        )}
      </Group>
    </Card>
  );
}
