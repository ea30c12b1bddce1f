import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type PlanDetail, planMetricLabels } from '../../../../src/contract/plans';
import type { LiveMeasure } from '../../../../src/contract/plans-edit';
import { usePlanLiveTargets } from '../../api/plans-edit';
import { formatDate } from '../../lib/format';

const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const asPercent = (value: number) => `${percent.format(value)}\u00a0%`;

/** One measure of a target: the target, and beside it the current figure with its source, or why there is none. */
function LiveMeasureLine({ measure }: { measure: LiveMeasure }) {
  return (
    <Stack gap={0}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">
          {planMetricLabels[measure.metric]}: mục tiêu <strong>{asPercent(measure.target)}</strong>
        </Text>
        {measure.current !== null ? (
          <Badge variant="light" color={measure.isMet ? 'green' : 'orange'} tt="none">
            Hiện tại {asPercent(measure.current)}
            {measure.isMet ? ' — đạt' : ' — chưa đạt'}
          </Badge>
        ) : (
          <Badge variant="outline" color="gray" tt="none">
            {measure.source ? 'Chưa có số liệu' : 'Chưa có số liệu tự động'}
          </Badge>
        )}
      </Group>
      {measure.sourceLabel && (
        <Text size="xs" c="gray.8">
          Nguồn: {measure.sourceLabel}
        </Text>
      )}
      {measure.note && (
        <Text size="xs" c="gray.8">
          {measure.note}
        </Text>
      )}
    </Stack>
  );
}

/** The plan's targets, with the current figures the system computes (GET /api/plans/{id}/targets/live). */
export function PlanTargets({ plan }: { plan: PlanDetail }) {
  const hasMeasures = plan.targets.some((target) => target.measures.length > 0);
  const live = usePlanLiveTargets(plan.id, hasMeasures);
  if (plan.targets.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-targets">
      <Title order={2} size="h4" id="plan-targets" mb="xs">
        Chỉ tiêu ({plan.targets.length})
      </Title>
      {live.data && (
        <Text size="sm" c="gray.8" mb="xs">
          Số liệu hiện tại tính tự động đến ngày {formatDate(live.data.asOf)}.
        </Text>
      )}
      {live.isError && (
        <Text size="sm" c="red.8" mb="xs">
          Chưa lấy được số liệu hiện tại của các chỉ tiêu.
        </Text>
      )}
      <List spacing="sm">
        {plan.targets.map((target, position) => {
          const measures = live.data?.targets.find((entry) => entry.position === position)?.measures;
          return (
            <List.Item key={`${position}-${target.ref}`}>
              <Text>
                {target.year ? `${target.year}: ` : ''}
                {target.text}
              </Text>
              {measures && measures.length > 0 && (
                <Stack gap={4} mt={4}>
                  {measures.map((measure, index) => (
                    <LiveMeasureLine key={`${measure.metric}-${index}`} measure={measure} />
                  ))}
                </Stack>
              )}
              {!measures && live.isLoading && target.measures.length > 0 && (
                <Text size="xs" c="gray.8">
                  Đang tính số liệu hiện tại…
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}

/** "Kế hoạch thực hiện": the plans that implement this one (a department's plans implementing the province's). */
export function PlanChildren({ plan }: { plan: PlanDetail }) {
  if (plan.children.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-children">
      <Title order={2} size="h4" id="plan-children" mb="xs">
        Kế hoạch thực hiện ({plan.children.length})
      </Title>
      <List>
        {plan.children.map((child) => (
          <List.Item key={child.id}>
            <Anchor component={Link} to={`/ke-hoach/${child.id}`}>
              {[child.number, child.title].filter(Boolean).join(' — ')}
            </Anchor>
            <Text span size="sm" c="gray.8">
              {' '}
              ({[child.issuer.name, child.date ? formatDate(child.date) : null].filter(Boolean).join(', ')})
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
