// Generates the demo fixtures the product loads on first start:
//   src/modules/org/fixtures/demo-units.json
//   src/modules/catalog/fixtures/demo-procedures.json.gz
// from the reference data in /work/shared/data. Deterministic: same input → byte-identical output.
//
//   npx tsx scripts/demo-data/build-fixtures.ts [dataDir]        (default ../shared/data)
//   npx tsx scripts/demo-data/build-fixtures.ts [dataDir] --check (validate and compare, write nothing)

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildProcedure } from './build-procedure';
import { buildDemoUnits, DEMO_UNITS_NOTE } from './build-units';
import { buildInternalProcedures } from './internal-procedures';
import type { ComponentStats } from './parse-components';
import type { ProcedureInput } from './procedure-input';
import { isLocalLevel, readCatalog, readRecords } from './read-source';
import type { ProcedureRoute } from './route-procedure';
import { checkRequiredProcedures, summarise } from './summary';
import { findArtefacts, missingBasicParts, validateAgainstProductSchema, validateProcedures, validateUnits } from './validate';

const EXPECTED_SOURCE_PROCEDURES = 1645;
const MAX_CATALOG_BYTES = 3 * 1024 * 1024;
const UNITS_PATH = 'src/modules/org/fixtures/demo-units.json';
const PROCEDURES_PATH = 'src/modules/catalog/fixtures/demo-procedures.json.gz';

function fail(message: string, details: string[] = []): never {
  console.error(`build-fixtures: ${message}`);
  for (const detail of details.slice(0, 50)) console.error(`  - ${detail}`);
  if (details.length > 50) console.error(`  … and ${details.length - 50} more`);
  process.exit(1);
}

type Catalog = { procedures: ProcedureInput[]; routes: ProcedureRoute[]; stats: ComponentStats; leftOut: string[] };

function buildCatalog(dataDir: string): Catalog {
  const catalog = readCatalog(dataDir);
  const records = readRecords(dataDir);
  const local = catalog.filter(isLocalLevel);
  if (local.length !== EXPECTED_SOURCE_PROCEDURES)
    fail(`expected ${EXPECTED_SOURCE_PROCEDURES} province/commune rows, found ${local.length}`);
  const stats: ComponentStats = { kept: 0, droppedNotes: 0, foldedHeadings: 0 };
  const built = local.map((row) => buildProcedure(row, records.get(row.code), stats));
  const internal = buildInternalProcedures();
  const nationalCodes = new Set(catalog.map((row) => row.code));
  const clashes = internal.filter((procedure) => nationalCodes.has(procedure.code)).map((procedure) => procedure.code);
  if (clashes.length > 0) fail('demo internal procedure codes clash with the national catalog', clashes);
  // A procedure whose national record lacks a basic part could not be published (NĐ 63 Điều 8): not in the demo.
  const leftOut: string[] = [];
  const complete = built.filter(({ procedure }) => {
    const missing = missingBasicParts(procedure);
    if (missing.length > 0) leftOut.push(`${procedure.code} (${missing.join(', ')})`);
    return missing.length === 0;
  });
  const procedures = [...complete.map((entry) => entry.procedure), ...internal].sort((a, b) => a.code.localeCompare(b.code));
  return { procedures, routes: complete.map((entry) => entry.route), stats, leftOut };
}

function writeOrCheck(path: string, content: Buffer, isCheck: boolean): string {
  const existing = existsSync(path) ? readFileSync(path) : null;
  const status = existing?.equals(content) ? 'unchanged' : existing ? 'changed' : 'new';
  if (!isCheck) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return `${path}: ${content.length.toLocaleString('en-US')} bytes (${status})`;
}

function main(): void {
  const args = process.argv.slice(2);
  const isCheck = args.includes('--check');
  const dataDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? '../shared/data');
  const repoRoot = resolve(import.meta.dirname, '../..');

  const units = buildDemoUnits();
  const unitErrors = validateUnits(units);
  if (unitErrors.length > 0) fail('demo units are invalid', unitErrors);

  const { procedures, routes, stats, leftOut } = buildCatalog(dataDir);
  const procedureErrors = [
    ...validateProcedures(procedures, units),
    ...validateAgainstProductSchema(procedures),
    ...findArtefacts(procedures),
  ];
  if (procedureErrors.length > 0) fail(`${procedureErrors.length} procedure errors`, procedureErrors);
  const required = checkRequiredProcedures(procedures);
  if (required.missing.length > 0) fail('procedures named by the seeds are missing', required.missing);

  const unitsJson = `${JSON.stringify({ note: DEMO_UNITS_NOTE, units }, null, 2)}\n`;
  const catalogGz = gzipSync(Buffer.from(JSON.stringify(procedures), 'utf8'), { level: 9 });
  if (catalogGz.length > MAX_CATALOG_BYTES) fail(`catalog fixture is ${catalogGz.length} bytes, over ${MAX_CATALOG_BYTES}`);

  const lines = [
    writeOrCheck(resolve(repoRoot, UNITS_PATH), Buffer.from(unitsJson, 'utf8'), isCheck),
    writeOrCheck(resolve(repoRoot, PROCEDURES_PATH), catalogGz, isCheck),
    ...summarise(procedures, routes, units, stats),
    `left out, a basic part missing from the national record: ${leftOut.length}`,
    ...leftOut.map((entry) => `  ${entry}`),
    'procedures named by the seeds and the brief:',
    ...required.lines,
  ];
  console.log(lines.join('\n'));
}

main();
