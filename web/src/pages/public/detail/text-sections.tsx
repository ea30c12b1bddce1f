import { List, Stack, Text, Title } from '@mantine/core';
import type { ProcedureDetail } from '../../../../../src/contract/catalog';
import { PlainText, Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';

const m = vi.procedureDetail;

export function MethodsSection({ procedure }: { procedure: ProcedureDetail }) {
  return (
    <Section id="section-methods" title={m.sections.methods}>
      {procedure.methods.length === 0 ? (
        <Text>{vi.common.notProvided}</Text>
      ) : (
        <Stack gap="sm">
          {procedure.methods.map((method, index) => (
            <div key={`${method.channel}-${index}`}>
              <Title order={3} size="h5">
                {vi.labels.channels[method.channel]}
              </Title>
              {method.description && <PlainText>{method.description}</PlainText>}
            </div>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export function StepsSection({ steps }: { steps: string[] }) {
  return (
    <Section id="section-steps" title={m.sections.steps}>
      {steps.length === 0 ? (
        <Text>{vi.common.notProvided}</Text>
      ) : (
        // Published steps carry their own numbering ("Bước 1: …") and sub-points, so no list markers are added.
        <List type="ordered" spacing="xs" listStyleType="none" withPadding={false}>
          {steps.map((step, index) => (
            <List.Item key={index}>
              <PlainText>{step}</PlainText>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

export function TextSection({ id, title, text }: { id: string; title: string; text: string | null }) {
  return (
    <Section id={id} title={title}>
      {text ? <PlainText>{text}</PlainText> : <Text>{vi.common.none}</Text>}
    </Section>
  );
}
