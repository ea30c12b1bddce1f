/**
 * npm run bench:plans — how long the plan importer takes (issue 14: offline, in seconds): each fixture plan as
 * text, and the seed-with-appendix plan of the format tests as .md, .docx and .pdf (10 rounds each, median and max),
 * and a long plan (the five fixture plans' tasks repeated to ~500 tasks) as text and as .pdf.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importPlanDocument } from '../src/core/plans';
import { APPENDIX_HEADING, APPENDIX_ROWS } from '../src/core/plans/fixtures/appendix-table';
import { type PlanModel, toDocx, toMarkdown, toPdf } from '../src/core/plans/fixtures/make-documents';
import { stripMarkdown } from '../src/core/plans/lines';

const ROUNDS = 10;
const fixtures = join(import.meta.dirname, '..', 'src', 'core', 'plans', 'fixtures');

async function time(label: string, bytes: Uint8Array, fileName: string, rounds = ROUNDS): Promise<void> {
  const durations: number[] = [];
  let tasks = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    const plan = await importPlanDocument(bytes, fileName);
    durations.push(performance.now() - start);
    tasks = plan.tasks.length;
  }
  durations.sort((a, b) => a - b);
  const median = durations[Math.floor(durations.length / 2)] as number;
  const max = durations[durations.length - 1] as number;
  console.log(
    `${label.padEnd(44)} ${String(bytes.length).padStart(8)} B  ${String(tasks).padStart(4)} tasks  median ${median.toFixed(1)} ms  max ${max.toFixed(1)} ms`,
  );
}

const files = [
  ...readdirSync(join(fixtures, 'seeds'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join('seeds', name)),
  ...readdirSync(join(fixtures, 'plans')).map((name) => join('plans', name)),
];
for (const file of files) await time(file, readFileSync(join(fixtures, file)), file);

const seedText = readFileSync(join(fixtures, 'seeds', '000_a3a59d2b228e0ff8.txt'), 'utf8');
const model: PlanModel = {
  paragraphs: [
    ...seedText
      .split('\n')
      .map(stripMarkdown)
      .filter((line) => line.length > 0),
    'PHỤ LỤC',
    'DANH MỤC NHIỆM VỤ',
  ],
  table: { heading: APPENDIX_HEADING, rows: APPENDIX_ROWS },
};
await time('seed 000 + appendix (.md)', Buffer.from(toMarkdown(model)), 'plan.md');
await time('seed 000 + appendix (.docx)', await toDocx(model), 'plan.docx');
await time('seed 000 + appendix (.pdf)', await toPdf(model), 'plan.pdf');

const longRows = Array.from({ length: 40 }, (_, group) => [
  [['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][group % 10] as string, `Nhóm nhiệm vụ ${group + 1}`, '', '', '', ''],
  ...APPENDIX_ROWS.filter((row) => /^\d/.test(row[0] as string)),
]).flat();
const long: PlanModel = { ...model, table: { heading: APPENDIX_HEADING, rows: longRows } };
await time(`long plan, ${longRows.length} table rows (.md)`, Buffer.from(toMarkdown(long)), 'long.md', 3);
await time(`long plan, ${longRows.length} table rows (.pdf)`, await toPdf(long), 'long.pdf', 3);
