import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconClock, IconMail, IconMapPin, IconPhone } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import type { ReceivingPlace } from '../../../../../src/contract/org';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';

const m = vi.procedureDetail;
/** Procedures received at every commune's desk list a hundred places: the first few, then all on request. */
const SHOWN_PLACES = 4;

function Line({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Text size="sm" style={{ display: 'flex', gap: 6, alignItems: 'flex-start', overflowWrap: 'anywhere' }}>
      <span aria-hidden style={{ flex: '0 0 auto', lineHeight: 0, paddingTop: 2 }}>
        {icon}
      </span>
      <span>
        <VisuallyHidden>{label}: </VisuallyHidden>
        {children}
      </span>
    </Text>
  );
}

function PlaceCard({ place }: { place: ReceivingPlace }) {
  return (
    <Paper withBorder p="sm" radius="sm" component="li" style={{ listStyle: 'none' }}>
      <Title order={3} size="h5" mb={4}>
        {place.name}
      </Title>
      <Stack gap={2}>
        {place.address && (
          <Line icon={<IconMapPin size={16} />} label={m.places.address}>
            {place.address}
          </Line>
        )}
        {place.phone && (
          <Line icon={<IconPhone size={16} />} label={m.places.phone}>
            <Anchor href={`tel:${place.phone.replace(/[^0-9+]/g, '')}`}>{place.phone}</Anchor>
          </Line>
        )}
        {place.email && (
          <Line icon={<IconMail size={16} />} label={m.places.email}>
            <Anchor href={`mailto:${place.email}`}>{place.email}</Anchor>
          </Line>
        )}
        {place.openingHours && (
          <Line icon={<IconClock size={16} />} label={m.places.openingHours}>
            {place.openingHours}
          </Line>
        )}
      </Stack>
    </Paper>
  );
}

/** Where to submit: the receiving units of the procedure, or its handling units' one-stop desks, with their contact. */
export function PlacesSection({ places }: { places: ReceivingPlace[] }) {
  const [isExpanded, setExpanded] = useState(false);
  const shown = isExpanded ? places : places.slice(0, SHOWN_PLACES);
  return (
    <Section id="section-places" title={m.sections.places}>
      {places.length === 0 ? (
        <Text>{m.places.none}</Text>
      ) : (
        <>
          <Text mb="sm">{m.places.intro}</Text>
          <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} spacing="sm" p={0} m={0}>
            {shown.map((place) => (
              <PlaceCard key={place.code} place={place} />
            ))}
          </SimpleGrid>
          {places.length > SHOWN_PLACES && (
            <Button variant="subtle" mt="xs" onClick={() => setExpanded(!isExpanded)} aria-expanded={isExpanded}>
              {isExpanded ? m.showFewerUnits : m.showAllUnits(places.length)}
            </Button>
          )}
        </>
      )}
    </Section>
  );
}
