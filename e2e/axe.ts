import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING_IMPACTS: ImpactValue[] = ['serious', 'critical'];

export type AxeFinding = { rule: string; impact: ImpactValue; help: string; count: number; targets: string[]; reasons: string[] };

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations, one entry per rule with
 * the first few offending elements. The script is evaluated through the DevTools protocol, so the page's
 * Content-Security-Policy does not stop it.
 */
export async function findAccessibilityViolations(page: Page): Promise<AxeFinding[]> {
  const hasAxe = await page.evaluate('typeof window.axe === "object"');
  if (!hasAxe) await page.evaluate(axeSource);
  const results = (await page.evaluate('window.axe.run(document, { resultTypes: ["violations"] })')) as AxeResults;
  return results.violations
    .filter((violation) => violation.impact && BLOCKING_IMPACTS.includes(violation.impact))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact!,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      count: violation.nodes.length,
      // Distinct reasons (e.g. each pair of colours that fails), without the element-specific parts.
      reasons: [...new Set(violation.nodes.map((node) => node.failureSummary?.split('\n')[1]?.trim() ?? ''))].slice(0, 5),
    }));
}
