import type { FigureSource, IndicatorStatus, ProposalStatus } from '../../../../../src/contract/enums';
import { Tag, type Tone } from '../../../components/tag';
import { vi } from '../../../i18n/vi';

const labels = vi.reformLabels;

const indicatorTones: Record<IndicatorStatus, Tone> = { met: 'green', behind: 'red', no_data: 'gray', no_target: 'gray' };
const proposalTones: Record<ProposalStatus, Tone> = {
  draft: 'gray',
  submitted: 'blue',
  consolidated: 'teal',
  approved: 'green',
  implemented: 'green',
  rejected: 'red',
};
const sourceTones: Record<FigureSource, Tone> = { entered: 'blue', measured: 'teal', demo: 'orange' };

export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  return <Tag tone={indicatorTones[status]}>{labels.indicatorStatuses[status]}</Tag>;
}

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  return <Tag tone={proposalTones[status]}>{labels.proposalStatuses[status]}</Tag>;
}

export function OverdueTag() {
  return <Tag tone="red">{vi.reformProposals.overdue}</Tag>;
}

/** Submitted or consolidated, still waiting for approval past its year's approval deadline. */
export function ApprovalOverdueTag() {
  return <Tag tone="red">{vi.reformProposals.approvalOverdue}</Tag>;
}

export function FigureSourceTag({ source }: { source: FigureSource }) {
  return (
    <Tag tone={sourceTones[source]} size="sm">
      {labels.figureSources[source]}
    </Tag>
  );
}

export function DemoTag() {
  return (
    <Tag tone="orange" size="sm">
      {labels.figureSources.demo}
    </Tag>
  );
}
