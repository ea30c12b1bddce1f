import { Button, Group, Text, Tree, useTree } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { type KeyboardEvent, useMemo } from 'react';
import type { Unit } from '../../../../../src/contract/org';
import { Tag } from '../../../components/tag';
import { vi } from '../../../i18n/vi';
import { buildUnitTree, isUnitExpired } from './unit-tree-data';

const m = vi.units;

function UnitLabel({ unit }: { unit: Unit }) {
  return (
    <Group gap={6}>
      <Text size="sm" fw={500}>
        {unit.name}
      </Text>
      <Text size="xs" c="gray.7">
        {unit.code}
      </Text>
      {isUnitExpired(unit) && (
        <Tag tone="gray" size="xs">
          {m.expired}
        </Tag>
      )}
    </Group>
  );
}

interface UnitTreeProps {
  units: Unit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function UnitTree({ units, selectedId, onSelect }: UnitTreeProps) {
  const data = useMemo(() => buildUnitTree(units, (unit) => <UnitLabel unit={unit} />), [units]);
  const tree = useTree({
    initialExpandedState: Object.fromEntries(data.map((root) => [root.value, true])),
    selectedState: selectedId ? [selectedId] : [],
    onSelectedStateChange: (selected) => selected[0] && onSelect(selected[0]),
  });

  // Tree selects on click only; Enter selects the focused unit for keyboard users.
  const handleKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const value = (event.target as HTMLElement).dataset.value;
    if (event.key === 'Enter' && value) {
      event.preventDefault();
      onSelect(value);
    }
  };

  if (data.length === 0) return <Text>{m.empty}</Text>;
  return (
    <>
      <Group gap="xs" mb="xs">
        <Button size="compact-sm" variant="subtle" onClick={tree.expandAllNodes}>
          {m.expandAll}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={tree.collapseAllNodes}>
          {m.collapseAll}
        </Button>
      </Group>
      <Tree
        data={data}
        tree={tree}
        selectOnClick
        aria-label={m.treeLabel}
        onKeyDown={handleKeyDown}
        renderNode={({ node, expanded, hasChildren, elementProps }) => (
          <Group gap={4} wrap="nowrap" {...elementProps}>
            <IconChevronDown
              size={16}
              aria-hidden
              style={{ visibility: hasChildren ? 'visible' : 'hidden', transform: expanded ? undefined : 'rotate(-90deg)' }}
            />
            {node.label}
          </Group>
        )}
      />
    </>
  );
}
