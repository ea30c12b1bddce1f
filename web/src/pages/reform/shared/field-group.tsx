import { Fieldset } from '@mantine/core';
import type { ReactNode } from 'react';

/** A group of fields under a visible legend (announced with each field it contains). */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} variant="unstyled" styles={{ legend: { fontWeight: 600, marginBottom: 'var(--mantine-spacing-xs)' } }}>
      {children}
    </Fieldset>
  );
}

type WrapperPart = 'label' | 'input' | 'description' | 'error';

/** A hint shown under its input, so inputs with and without hints line up in a row. */
export const hintBelowInput: { inputWrapperOrder: WrapperPart[] } = { inputWrapperOrder: ['label', 'input', 'description', 'error'] };
