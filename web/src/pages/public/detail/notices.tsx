import { Alert, Anchor, List } from '@mantine/core';
import { IconFlask, IconHistory, IconInfoCircle } from '@tabler/icons-react';
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
