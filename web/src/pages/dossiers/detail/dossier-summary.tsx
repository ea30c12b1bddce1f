import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DossierView } from '../../../api/dossiers';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { formatDuration, formatVietnamDateTime } from '../../../lib/format';
import { DossierStatusTag, RemainingTag, TimingTag } from '../shared/status-tag';

const m = vi.dossiers.detail;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === '' || children === undefined) return null;
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

const dateTime = (value: string | null) => (value ? formatVietnamDateTime(value) : null);

/** Code, status, due instant and countdown, then the dates and times of the dossier. */
export function DossierHeader({ dossier }: { dossier: DossierView }) {
  return (
    <Stack gap="xs">
      <Title order={1} style={{ wordBreak: 'break-word' }}>
        {m.title(dossier.code)}
      </Title>
      <Text>{dossier.procedure.name}</Text>
      <Group gap="xs" wrap="wrap">
        <DossierStatusTag status={dossier.status} receivedAt={dossier.receivedAt} />
        <RemainingTag minutes={dossier.remainingWorkingMinutes} isOverdue={dossier.isOverdue} />
        {dossier.timing && <TimingTag timing={dossier.timing} />}
        {dossier.hasApology && <Text size="sm">{m.apology}</Text>}
      </Group>
    </Stack>
  );
}

export function DossierFacts({ dossier }: { dossier: DossierView }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
      <Fact label={m.handlingUnit}>{dossier.handlingUnit.name}</Fact>
      <Fact label={m.receivingUnit}>{dossier.receivingUnit?.name ?? null}</Fact>
      <Fact label={m.channel}>{`${vi.labels.channels[dossier.channel]} · ${vi.dossiers.labels.sources[dossier.source]}`}</Fact>
      <Fact label={m.submittedAt}>{dateTime(dossier.submittedAt)}</Fact>
      <Fact label={m.receivedAt}>{dateTime(dossier.receivedAt)}</Fact>
      <Fact label={m.dueAt}>{dateTime(dossier.dueAt)}</Fact>
      <Fact label={m.time}>{dossier.time ? formatDuration(dossier.time) : null}</Fact>
      <Fact label={m.statutoryTime}>{dossier.statutoryTime ? formatDuration(dossier.statutoryTime) : null}</Fact>
      <Fact label={m.paused}>
        {dossier.pausedWorkingMinutes > 0 ? vi.common.format.hours(String(Math.round(dossier.pausedWorkingMinutes / 6) / 10)) : null}
      </Fact>
      <Fact label={m.resolvedAt}>{dateTime(dossier.resolvedAt)}</Fact>
      <Fact label={m.returnedAt}>{dateTime(dossier.returnedAt)}</Fact>
      <Fact label={m.resultNumber}>{dossier.resultNumber}</Fact>
    </SimpleGrid>
  );
}

export function ApplicantSection({ dossier }: { dossier: DossierView }) {
  const { applicant } = dossier;
  return (
    <Section id="dossier-applicant" title={m.applicantHeading}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Fact label={m.kind}>{vi.dossiers.labels.applicantKinds[applicant.kind]}</Fact>
        <Fact label={m.fullName}>{applicant.fullName}</Fact>
        <Fact label={m.idNumber}>{applicant.idNumber}</Fact>
        <Fact label={m.address}>{applicant.address}</Fact>
        <Fact label={m.phone}>{applicant.phone}</Fact>
        <Fact label={m.email}>{applicant.email}</Fact>
        <Fact label={m.representative}>
          {applicant.representative
            ? [applicant.representative.fullName, applicant.representative.idNumber, applicant.representative.authorisation]
                .filter(Boolean)
                .join(' · ')
            : null}
        </Fact>
        <Fact label={m.requestSummary}>{dossier.requestSummary}</Fact>
      </SimpleGrid>
    </Section>
  );
}
