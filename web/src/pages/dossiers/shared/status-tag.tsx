import type { DossierStatus, TimingClass } from '../../../../../src/contract/enums';
import { dossierStatusLabel } from '../../../../../src/contract/labels';
import { Tag, type Tone } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatRemaining, urgencyOf } from './countdown';

const STATUS_TONES: Record<DossierStatus, Tone> = {
  submitted: 'blue',
  supplement_requested: 'orange',
  processing: 'teal',
  result_ready: 'green',
  returned: 'gray',
  refused: 'red',
  stopped: 'gray',
};

const TIMING_TONES: Record<TimingClass, Tone> = { early: 'green', on_time: 'teal', late: 'red' };

/** `receivedAt`: the dossier's receipt, which tells a refusal at the desk from one in processing. */
export function DossierStatusTag({ status, receivedAt }: { status: DossierStatus; receivedAt: string | null }) {
  return <Tag tone={STATUS_TONES[status]}>{dossierStatusLabel(status, receivedAt !== null)}</Tag>;
}

export function TimingTag({ timing }: { timing: TimingClass }) {
  return <Tag tone={TIMING_TONES[timing]}>{vi.dossiers.labels.timings[timing]}</Tag>;
}

/** The working time left before the due instant, red when late, orange within a working day. */
export function RemainingTag({ minutes, isOverdue }: { minutes: number | null; isOverdue: boolean }) {
  const text = formatRemaining(minutes, isOverdue);
  if (text === null) return null;
  const urgency = urgencyOf(minutes, isOverdue);
  return <Tag tone={urgency === 'overdue' ? 'red' : urgency === 'near' ? 'orange' : 'gray'}>{text}</Tag>;
}
