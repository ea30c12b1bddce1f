import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface ListEditorProps<T> {
  items: T[];
  getKey: (item: T, index: number) => string;
  itemLegend: (index: number) => string;
  removeLabel: (index: number) => string;
  addLabel: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  renderItem: (item: T, index: number) => ReactNode;
  /** Extra buttons shown next to "remove" (e.g. move up/down). */
  renderActions?: (index: number) => ReactNode;
  /** An error about the list as a whole, as the server reports it. */
  error?: ReactNode;
}

/** A repeatable group of fields: one fieldset per item, numbered from 1 for people. */
export function ListEditor<T>(props: ListEditorProps<T>) {
  const { items, getKey, itemLegend, removeLabel, addLabel, onAdd, onRemove, renderItem, renderActions, error } = props;
  return (
    <Stack gap="sm">
      {items.map((item, index) => (
        <Fieldset key={getKey(item, index)} legend={itemLegend(index + 1)} variant="filled" pos="relative">
          <Group gap={4} pos="absolute" top={4} right={8}>
            {renderActions?.(index)}
            <ActionIcon variant="subtle" color="red" aria-label={removeLabel(index + 1)} onClick={() => onRemove(index)}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
          {renderItem(item, index)}
        </Fieldset>
      ))}
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd} w="fit-content">
        {addLabel}
      </Button>
    </Stack>
  );
}
