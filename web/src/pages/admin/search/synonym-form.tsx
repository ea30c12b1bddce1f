import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { type Synonym, useAddSynonym, useUpdateSynonym } from '../../../api/search-dictionary';
import { emptyToNull, notifySuccess, reportInvalidForm, reportMutationError } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';

const m = vi.searchDictionary;

/** Adds an entry, or edits `editing`; `initialTerm` prefills the term (a query from the list of misses). */
export function SynonymForm({ editing, initialTerm, onDone }: { editing: Synonym | null; initialTerm: string; onDone: () => void }) {
  const addSynonym = useAddSynonym();
  const updateSynonym = useUpdateSynonym();
  const form = useForm({
    initialValues: { term: '', expansion: '', note: '' },
    validate: {
      term: (value) => (value.trim() ? null : vi.common.required),
      expansion: (value) => (value.trim() ? null : vi.common.required),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form object is stable; only a new entry or term resets it
  useEffect(() => {
    if (editing) form.setValues({ term: editing.term, expansion: editing.expansion, note: editing.note ?? '' });
    else form.setValues({ term: initialTerm, expansion: '', note: '' });
  }, [editing, initialTerm]);

  const handleSubmit = form.onSubmit((values) => {
    const input = { term: values.term.trim(), expansion: values.expansion.trim(), note: emptyToNull(values.note) };
    const callbacks = {
      onSuccess: () => {
        notifySuccess(editing ? m.saved : m.added);
        form.reset();
        onDone();
      },
      onError: (error: unknown) => reportMutationError(form, error),
    };
    if (editing) updateSynonym.mutate({ id: editing.id, version: editing.version, ...input }, callbacks);
    else addSynonym.mutate(input, callbacks);
  }, reportInvalidForm);

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={editing ? m.edit : m.addTitle}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={m.term} description={m.termHint} required {...form.getInputProps('term')} />
          <TextInput label={m.expansion} description={m.expansionHint} required {...form.getInputProps('expansion')} />
          <TextInput label={m.note} {...form.getInputProps('note')} />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={addSynonym.isPending || updateSynonym.isPending}>
            {editing ? m.save : m.add}
          </Button>
          {editing && (
            <Button variant="default" onClick={onDone}>
              {m.cancel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
