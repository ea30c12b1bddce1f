// Reads /work/shared/data (path given on the command line): tthc-catalog.csv and tthc-records.json.
// Only the generator reads these files; the product reads the fixtures it writes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CatalogRow {
  code: string;
  name: string;
  field: string;
  level: string;
  agency: string;
  time_amount: string;
  time_unit: string;
  fee: string;
  online: string;
  business_related: string;
  source: string;
}

export interface SourceChannel {
  kind: 'direct' | 'online' | 'postal';
  time: { amount: number | null; unit: string | null; text: string | null } | null;
  fee: { text: string | null; amounts: number[] } | null;
  description: string | null;
  note?: string;
}

export interface SourceComponent {
  name: string | null;
  originals: number | null;
  copies: number | null;
  form: string | null;
}

export interface SourceRecord {
  code: string;
  name: string;
  field: string;
  levels: string[];
  agency: string | null;
  applicants: string[];
  applicantsText: string[] | null;
  channels: SourceChannel[];
  steps: string[];
  components: SourceComponent[];
  componentGroups?: { title: string | null; componentIndexes: number[] }[];
  result: string | null;
  results: { name: string; code: string | null }[] | null;
  conditions: string | null;
  legalBasis: { number: string | null; title: string | null; date: string | null }[];
  decision: string | null;
  portalUrl: string | null;
  source: string;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inQuotes) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') inQuotes = false;
      else field += char;
    } else if (char === '"') inQuotes = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows.filter((cells) => cells.length > 1 || (cells[0] ?? '') !== '');
}

export function readCatalog(dataDir: string): CatalogRow[] {
  const [header, ...rows] = parseCsv(readFileSync(join(dataDir, 'tthc-catalog.csv'), 'utf8'));
  if (!header) throw new Error('tthc-catalog.csv is empty');
  return rows.map((cells) => {
    if (cells.length !== header.length) throw new Error(`CSV row with ${cells.length} cells: ${cells[0]}`);
    return Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])) as unknown as CatalogRow;
  });
}

export function readRecords(dataDir: string): Map<string, SourceRecord> {
  const records = JSON.parse(readFileSync(join(dataDir, 'tthc-records.json'), 'utf8')) as SourceRecord[];
  const byCode = new Map<string, SourceRecord>();
  for (const record of records) {
    if (byCode.has(record.code)) throw new Error(`Duplicate record code ${record.code}`);
    byCode.set(record.code, record);
  }
  return byCode;
}

export const isLocalLevel = (row: CatalogRow): boolean => row.level.split(';').some((level) => level === 'province' || level === 'commune');
