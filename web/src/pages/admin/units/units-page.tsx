import { Button, Grid, Group, Paper, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useUnits } from '../../../api/units';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { UnitForm } from './unit-form';
import { UnitTree } from './unit-tree';

const m = vi.units;

/** What the right-hand panel shows: nothing, a unit being edited, or a new unit under a parent. */
type Editing = { mode: 'none' } | { mode: 'edit'; id: string } | { mode: 'create'; parentId: string | null };

export function UnitsPage() {
  usePageTitle(m.title);
  const units = useUnits();
  const [editing, setEditing] = useState<Editing>({ mode: 'none' });

  if (!units.data) return <QueryState query={units} />;
  const selectedId = editing.mode === 'edit' ? editing.id : null;
  const selected = units.data.find((unit) => unit.id === selectedId) ?? null;

  return (
    <>
      <Group justify="space-between" mb="lg">
        <Title order={1}>{m.title}</Title>
        <Group gap="xs">
          {selected && (
            <Button variant="light" onClick={() => setEditing({ mode: 'create', parentId: selected.id })}>
              {m.addChild}
            </Button>
          )}
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ mode: 'create', parentId: null })}>
            {m.add}
          </Button>
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="unit-tree-title">
            <Title order={2} size="h3" id="unit-tree-title" mb="sm">
              {m.treeHeading}
            </Title>
            <UnitTree units={units.data} selectedId={selectedId} onSelect={(id) => setEditing({ mode: 'edit', id })} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" pos={{ base: 'static', md: 'sticky' }} top={84}>
            {editing.mode === 'none' || (editing.mode === 'edit' && !selected) ? (
              <Text c="gray.8">{m.selectHint}</Text>
            ) : (
              <UnitForm
                key={editing.mode === 'edit' ? `${editing.id}-${selected?.version}` : `new-${editing.parentId ?? ''}`}
                unit={selected}
                parentId={editing.mode === 'create' ? editing.parentId : null}
                units={units.data}
                onSaved={(unit) => setEditing({ mode: 'edit', id: unit.id })}
                onCancel={() => setEditing({ mode: 'none' })}
              />
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
