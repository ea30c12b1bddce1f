import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ReductionMethod } from '../../../../../src/contract/enums';
import type { Indicator } from '../../../../../src/contract/reform';
import { vi } from '../../../i18n/vi';
import { formatHours, formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { isCostIndicator, isReduction, isTimeIndicator } from '../shared/indicator-kinds';
import { IndicatorStatusTag } from '../shared/reform-tags';

const m = vi.reformTargets;
const progressColors = { met: 'green.8', behind: 'orange.8', no_data: 'gray.5', no_target: 'gray.6' } as const;

export { isReduction };

/** "Đã giảm 27,4 % / mục tiêu 30 %" or "Đạt 85 % / mục tiêu 100 %". */
export function valueText(indicator: Indicator): string {
  if (indicator.value === null) return m.noValue;
  const value = formatPercent(indicator.value);
  const target = indicator.target === null ? m.noTarget : formatPercent(indicator.target);
  return isReduction(indicator.key) ? m.reduced(value, target) : m.reached(value, target);
}

/**
 * The numerator and denominator in words: hours, đồng, or counts. Unweighted, the server adds up hours and the
 * cost of one dossier; weighted, hours times dossiers and the annual cost.
 */
function figuresText(indicator: Indicator, method: ReductionMethod): string {
  const [current, baseline] = [indicator.numerator, indicator.denominator];
  if (isCostIndicator(indicator.key) && method === 'unweighted') {
    return m.costPerDossierFigures(formatMoney(current), formatMoney(baseline));
  }
  const format = isTimeIndicator(indicator.key) ? formatHours : isCostIndicator(indicator.key) ? formatMoney : formatNumber;
  const text = m.figures[indicator.key](format(current), format(baseline));
  return method === 'weighted' && isTimeIndicator(indicator.key) ? `${text} ${m.weightedFigures}` : text;
}

/** How far along the way to the target, 0–100. */
function progressValue(indicator: Indicator): number {
  if (indicator.value === null) return 0;
  const share = indicator.target ? indicator.value / indicator.target : indicator.value;
  return Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
}

interface IndicatorCardProps {
  indicator: Indicator;
  method: ReductionMethod;
  detailsPath: string;
}

export function IndicatorCard({ indicator, method, detailsPath }: IndicatorCardProps) {
  const titleId = `indicator-${indicator.key}`;
  return (
    <Card withBorder padding="lg" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {indicator.label}
          </Title>
          <IndicatorStatusTag status={indicator.status} />
        </Group>
        <Text fz="xl" fw={700} lh={1.3}>
          {valueText(indicator)}
        </Text>
        <Progress
          value={progressValue(indicator)}
          color={progressColors[indicator.status]}
          size="lg"
          radius="sm"
          aria-label={m.progress(indicator.label)}
        />
        <Text size="sm">{figuresText(indicator, method)}</Text>
        {isReduction(indicator.key) && (
          <Text size="sm" c="gray.7">
            {vi.reformLabels.methodNotes[method]}
          </Text>
        )}
        {indicator.note && <Text size="sm">{indicator.note}</Text>}
        <Text size="sm" c="gray.7">
          {indicator.targetSource ? m.targetSource(indicator.targetSource) : m.noTargetSource}
        </Text>
        <Button
          component={Link}
          to={detailsPath}
          variant="light"
          size="sm"
          mt="auto"
          w="fit-content"
          rightSection={<IconArrowRight size={16} aria-hidden />}
          aria-describedby={titleId}
        >
          {m.details}
        </Button>
      </Stack>
    </Card>
  );
}
