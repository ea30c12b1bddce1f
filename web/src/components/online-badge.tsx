import type { OnlineLevel } from '../../../src/contract/enums';
import { vi } from '../i18n/vi';
import { Tag, type Tone } from './tag';

const tones: Record<OnlineLevel, Tone> = { full: 'green', partial: 'blue', none: 'gray' };

export function OnlineBadge({ level }: { level: OnlineLevel }) {
  return <Tag tone={tones[level]}>{vi.labels.onlineLevels[level]}</Tag>;
}
