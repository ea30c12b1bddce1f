/**
 * A business condition counts as abolished (NQ 66) when its status says so and the province could abolish it: a
 * condition of a provincial text, or a central one whose abolishing central text is recorded. A central condition
 * marked abolished without that text (entered before the rule) counts as proposed. Simplified is never abolished.
 */
export function isConditionAbolished(condition: {
  status: string;
  sourceLevel: 'central' | 'provincial';
  abolishedByText: string | null;
}): boolean {
  return condition.status === 'abolished' && (condition.sourceLevel === 'provincial' || !!condition.abolishedByText);
}
