import { Group, Stack, Table, Text, Timeline } from '@mantine/core';
import { dossierStatusLabel } from '../../../../../src/contract/labels';
import type { DossierView } from '../../../api/dossiers';
import { Section } from '../../../components/section';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { formatDuration, formatVietnamDateTime } from '../../../lib/format';
import { TimingTag } from '../shared/status-tag';

const m = vi.dossiers.detail;
const dateTime = (value: string | null) => (value ? formatVietnamDateTime(value) : '');

export function StepsSection({ dossier }: { dossier: DossierView }) {
  if (dossier.steps.length === 0) return null;
  return (
    <Section id="dossier-steps" title={m.stepsHeading}>
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {dossier.steps.map((step) => (
          <li key={step.stepNo}>
            <Group gap="xs" wrap="wrap">
              <Text fw={step.status === 'active' ? 700 : 500} size="sm">
                {step.stepNo}. {step.name}
              </Text>
              <Tag tone={step.status === 'active' ? 'blue' : step.status === 'done' ? 'green' : 'gray'} size="sm">
                {vi.dossiers.labels.stepStatuses[step.status]}
              </Tag>
              {step.timing && <TimingTag timing={step.timing} />}
            </Group>
            <Text size="xs" c="gray.8">
              {[
                vi.labels.processRoles[step.role],
                step.unit.name,
                step.assignee ? `${m.assignee}: ${step.assignee.fullName}` : null,
                formatDuration(step.budget),
                step.dueAt ? `${m.stepDue}: ${dateTime(step.dueAt)}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </li>
        ))}
      </Stack>
    </Section>
  );
}

function eventTitle(action: string): string {
  const labels = vi.dossiers.labels;
  return (labels.actions as Record<string, string>)[action] ?? labels.events[action] ?? action;
}

export function TimelineSection({ dossier }: { dossier: DossierView }) {
  const events = [...dossier.events].reverse();
  return (
    <Section id="dossier-timeline" title={m.timelineHeading}>
      {events.length === 0 ? (
        <Text size="sm">{m.noEvents}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={events.length}>
          {events.map((event) => (
            <Timeline.Item key={event.id} title={eventTitle(event.action)}>
              <Text size="xs" c="gray.8">
                {dateTime(event.occurredAt)} · {m.eventBy(event.actorName, event.actorUnitName)}
              </Text>
              <Text size="xs" c="gray.8">
                {dossierStatusLabel(event.toStatus, event.fromStatus === 'processing')}
                {event.toUserName || event.toUnitName
                  ? ` ${m.eventTo([event.toUserName, event.toUnitName].filter(Boolean).join(', '))}`
                  : ''}
              </Text>
              {event.comment && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {event.comment}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}

export function ConsultationsSection({ dossier }: { dossier: DossierView }) {
  if (dossier.consultations.length === 0) return null;
  return (
    <Section id="dossier-consultations" title={m.consultationsHeading}>
      <Table.ScrollContainer minWidth={0}>
        <Table aria-label={m.consultationsHeading}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{m.stepUnit}</Table.Th>
              <Table.Th scope="col">{m.question}</Table.Th>
              <Table.Th scope="col">{m.reply}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dossier.consultations.map((consultation) => (
              <Table.Tr key={consultation.id}>
                <Table.Td>
                  <Text size="sm">{consultation.unit?.name ?? consultation.agencyName}</Text>
                  <Text size="xs" c="gray.7">
                    {m.stepDue}: {dateTime(consultation.dueAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{consultation.question}</Text>
                </Table.Td>
                <Table.Td>
                  {consultation.reply ? (
                    <Stack gap={2}>
                      <Text size="sm">{consultation.reply}</Text>
                      {consultation.timing && <TimingTag timing={consultation.timing} />}
                    </Stack>
                  ) : (
                    <Text size="sm" c="gray.7">
                      {m.noReply}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
