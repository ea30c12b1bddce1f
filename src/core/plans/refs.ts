import type { OutlineNode } from './outline';

/**
 * Where a node stands: its labels from the top ("II.1.a"); a dotted label carries its parents' numbers already
 * ("1.2" under "II" → "II.1.2"); a bullet counts among its siblings of the same kind ("II.1.2" for the second "-").
 */
export function nodeRef(node: OutlineNode): string {
  const parts: string[] = [];
  let current: OutlineNode | null = node;
  while (current && current.kind !== 'root') {
    if (current.kind === 'dotted') {
      parts.unshift(current.label);
      // Skip the numbered ancestors the dotted label already names.
      let ancestor: OutlineNode | null = current.parent;
      while (ancestor && (ancestor.kind === 'number' || ancestor.kind === 'dotted')) ancestor = ancestor.parent;
      current = ancestor;
      continue;
    }
    parts.unshift(labelOf(current));
    current = current.parent;
  }
  return parts.join('.');
}

function labelOf(node: OutlineNode): string {
  if (node.kind === 'appendix') return node.label.replace(/^(?:PHỤ LỤC|Phụ lục)\s*(?:số\s+)?/u, 'PL') || 'PL';
  if (node.label) return node.label;
  const siblings = node.parent?.children.filter((child) => child.kind === node.kind) ?? [node];
  return String(siblings.indexOf(node) + 1);
}
