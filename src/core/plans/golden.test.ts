import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlanDocument } from './index';

/*
 * The three seed plans (fixtures/seeds) and three plans of other shapes written for these tests (fixtures/plans: tasks
 * only in an appendix table with a two-row heading; tasks a) b) c) in numbered sections with "Đơn vị thực hiện:"
 * lines, hard-wrapped, a page number in the text; reform areas with "1.1. Mục tiêu" and "1.2. Nhiệm vụ" over bullet
 * tasks, a header flattened into "|" cells, deadlines without their year) against their hand-annotated expectations
 * (fixtures/golden/*.expected.json, written from reading each document): every task the document assigns, found by
 * its reference, with its lead and coordinating units and its deadlines; the targets with their measures; the
 * metadata.
 */
const fixtures = join(import.meta.dirname, 'fixtures');

type ExpectedTask = { ref: string; title?: string; lead: string[]; coordinating: string[]; deadlines: object[] };
type Expected = {
  plan: object;
  targets: { year: number | null; ref: string; measures: object[] }[];
  tasks: ExpectedTask[];
};

const documents = [
  ...readdirSync(join(fixtures, 'seeds'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join('seeds', name)),
  ...readdirSync(join(fixtures, 'plans')).map((name) => join('plans', name)),
];

describe.each(documents)('the plan %s', (document) => {
  const golden = document.replace(/^(seeds|plans)\//, '').replace(/\.(txt|md)$/, '.expected.json');
  const expected = JSON.parse(readFileSync(join(fixtures, 'golden', golden), 'utf8')) as Expected;
  const load = () => importPlanDocument(readFileSync(join(fixtures, document)), document);

  it('gives the metadata: number, issuer, place, date, title, the documents implemented, the signer', async () => {
    expect((await load()).plan).toEqual(expected.plan);
  });

  it('finds every target with its year and measures', async () => {
    const plan = await load();
    expect(plan.targets.map(({ year, ref, measures }) => ({ year, ref, measures }))).toEqual(expected.targets);
  });

  it('finds every task the document assigns, and no other', async () => {
    const plan = await load();
    expect(plan.tasks.map((task) => task.ref)).toEqual(expected.tasks.map((task) => task.ref));
  });

  it.each(expected.tasks.map((task) => [task.ref, task] as const))(
    'task %s has its lead, coordinating units and deadlines',
    async (ref, task) => {
      const found = (await load()).tasks.find((candidate) => candidate.ref === ref);
      expect(found).toBeDefined();
      expect({ lead: found?.lead, coordinating: found?.coordinating, deadlines: found?.deadlines }).toEqual({
        lead: task.lead,
        coordinating: task.coordinating,
        deadlines: task.deadlines,
      });
      if (task.title) expect(found?.title).toBe(task.title);
    },
  );
});
