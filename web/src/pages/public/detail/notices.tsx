import { Alert, Anchor, List } from '@mantine/core';
import { IconArrowsExchange, IconCalendarEvent, IconFlask, IconHistory, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ProcedureDetail } from '../../../../../src/contract/catalog';
import { vi } from '../../../i18n/vi';
import { formatDate } from '../../../lib/format';

const m = vi.procedureDetail;

/** Tells the reader when the version on screen is not the one in force. */
export function VersionBanner({ procedure }: { procedure: ProcedureDetail }) {
  const currentLink = (
    <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(procedure.code)}`} fw={600}>
      {m.versions.viewCurrent}
    </Anchor>
  );
  switch (procedure.status) {
    case 'superseded':
    case 'abolished':
      return (
        <Alert
          color="orange"
          title={m.banners.superseded}
          icon={<IconHistory aria-hidden />}
          style={{ borderLeft: '6px solid var(--mantine-color-orange-7)' }}
        >
          {m.banners.supersededText} {currentLink}
        </Alert>
      );
    case 'scheduled':
      return (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} role="note">
          {m.banners.scheduled(formatDate(procedure.effectiveFrom))} {currentLink}
        </Alert>
      );
    case 'in_force':
      return null;
  }
}

/** Parts the demo data generated rather than took from a published decision. */
export function DemoDataNote({ fields }: { fields: string[] }) {
  if (fields.length === 0) return null;
  const names = [...new Set(fields.map((field) => vi.procedureFields[field.split('.')[0] ?? field]).filter(Boolean))];
  return (
    <Alert color="yellow" title={m.demoData.title} icon={<IconFlask aria-hidden />} role="note">
      {m.demoData.text}
      {names.length > 0 && (
        <List size="sm" mt={4}>
          {names.map((name) => (
            <List.Item key={name}>{name}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

const procedureLink = (ref: { code: string; name: string }) => (
  <Anchor key={ref.code} component={Link} to={`/thu-tuc/${encodeURIComponent(ref.code)}`} fw={600}>
    {ref.code} — {ref.name}
  </Anchor>
);

/** On the version in force: a newer version published for a later day ("Từ ngày … áp dụng phiên bản mới"). */
export function UpcomingVersionNotice({ procedure }: { procedure: ProcedureDetail }) {
  if (procedure.status !== 'in_force') return null;
  const upcoming = procedure.versions.filter((entry) => entry.status === 'scheduled' && entry.versionNo > procedure.versionNo).at(-1);
  if (!upcoming) return null;
  return (
    <Alert color="blue" icon={<IconCalendarEvent aria-hidden />} role="note" title={m.banners.upcoming(formatDate(upcoming.effectiveFrom))}>
      <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(procedure.code)}/phien-ban/${upcoming.versionNo}`} fw={600}>
        {m.banners.upcomingLink(upcoming.versionNo)}
      </Anchor>
    </Alert>
  );
}

/** The codes this version replaces, or the code that replaced this one (a replacement, not a plain abolition). */
export function ReplacementNotice({ procedure }: { procedure: ProcedureDetail }) {
  const decision = procedure.decision;
  if (!decision || (decision.replaces.length === 0 && !decision.replacedBy)) return null;
  return (
    <Alert color="grape" icon={<IconArrowsExchange aria-hidden />} role="note">
      {decision.replacedBy ? (
        <>
          {m.banners.replacedBy} {procedureLink(decision.replacedBy)}
        </>
      ) : (
        <>
          {m.banners.replaces}{' '}
          {decision.replaces.map((ref, index) => (
            <span key={ref.code}>
              {index > 0 && '; '}
              {procedureLink(ref)}
            </span>
          ))}
        </>
      )}
    </Alert>
  );
}
