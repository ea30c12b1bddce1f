import type { TreeNodeData } from '@mantine/core';
import type { Unit } from '../../../../../src/contract/org';
import { todayInVietnam } from '../../../lib/format';

export function isUnitExpired(unit: Unit, today = todayInVietnam()): boolean {
  return unit.validTo !== null && unit.validTo < today;
}

/** Nests the flat unit list by `parentId`; orphans (parent unknown) become roots. */
export function buildUnitTree(units: Unit[], renderLabel: (unit: Unit) => React.ReactNode): TreeNodeData[] {
  const ids = new Set(units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  const toNode = (unit: Unit): TreeNodeData => {
    const children = (childrenOf.get(unit.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return { value: unit.id, label: renderLabel(unit), children: children.map(toNode) };
  };
  return (childrenOf.get(null) ?? []).map(toNode);
}

/** The unit and everything under it: none of these may become its parent. */
export function subtreeIds(units: Unit[], rootId: string): Set<string> {
  const result = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}
