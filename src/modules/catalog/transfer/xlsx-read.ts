import type ExcelJS from 'exceljs';
import { openWorkbook } from '../../../core/workbook';
import {
  fileError,
  MAX_PROCEDURES,
  MAX_SHEET_ROWS,
  type ParsedFile,
  type RowError,
  type RowLocation,
  type TransferRow,
  validateRow,
} from './format';
import { readCell } from './xlsx-cells';
import { CODE_HEADER, type ColumnSpec, childSheets, procedureSheet, type SheetSpec } from './xlsx-columns';

/** A sheet row by column path: the values read, where each cell is, and which cells could not be read. */
type ReadRow = { number: number; values: Map<string, unknown>; cells: Map<string, RowLocation>; failed: Set<string> };
type SheetTable = { spec: SheetSpec; rows: ReadRow[] };

/** One procedure being assembled from its ThuTuc row and the rows of the child sheets that carry its code. */
type Draft = {
  row: ReadRow;
  input: Record<string, unknown>;
  locations: Map<string, RowLocation>;
  failed: Set<string>;
  /** The ThuTuc "Cách thức" cell: the methods themselves when sheet CachThuc has no rows for the procedure. */
  channels: string[] | undefined;
};

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

export async function readProceduresXlsx(content: Buffer): Promise<ParsedFile> {
  const opened = await openWorkbook(content);
  if ('error' in opened) return { rows: [], errors: [fileError(opened.error)] };
  const { workbook } = opened;
  const structure: RowError[] = [];
  const errors: RowError[] = [];
  const [procedureTable, ...childTables] = [procedureSheet, ...childSheets].map((spec) => readSheet(workbook, spec, structure, errors));
  if (structure.length) return { rows: [], errors: structure };
  if (procedureTable!.rows.length > MAX_PROCEDURES) {
    return {
      rows: [],
      errors: [fileError(`Sheet ${procedureSheet.name} có ${procedureTable!.rows.length} thủ tục, vượt quá giới hạn ${MAX_PROCEDURES}.`)],
    };
  }
  const drafts = collectDrafts(procedureTable!, errors);
  // Rows of a procedure whose code cell is unreadable would all be reported as orphans: one error is enough.
  const isOrphanReported = !procedureTable!.rows.some((row) => hasFailed(row, '@code'));
  for (const table of childTables) if (table) attachChildren(table, drafts, errors, isOrphanReported);
  const rows: TransferRow[] = [];
  for (const draft of drafts.values()) {
    resolveMethods(draft, errors);
    const locate = (path: string) => locateIn(draft, path);
    const skip = (path: string) => [...draft.failed].some((failed) => path === failed || path.startsWith(`${failed}.`));
    const checked = validateRow(draft.input, locate, skip);
    if (checked.row) rows.push(checked.row);
    errors.push(...checked.errors);
  }
  return { rows, errors };
}

/** Reads every non-empty row of a sheet; a cell that cannot be read becomes an error at that cell. */
function readSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, structure: RowError[], errors: RowError[]): SheetTable | null {
  const sheet = workbook.worksheets.find((candidate) => candidate.name.trim().toLowerCase() === spec.name.toLowerCase());
  if (!sheet) {
    if (spec.isOptional) return null;
    structure.push(fileError(`Thiếu sheet "${spec.name}" (${spec.title}).`, { sheet: spec.name }));
    return null;
  }
  if (sheet.rowCount > MAX_SHEET_ROWS) {
    structure.push(fileError(`Sheet có ${sheet.rowCount} dòng, vượt quá giới hạn ${MAX_SHEET_ROWS} dòng.`, { sheet: spec.name }));
    return null;
  }
  const columns = mapHeaders(sheet, spec, structure);
  if (!columns) return null;
  const rows: ReadRow[] = [];
  for (let number = 2; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const read: ReadRow = { number, values: new Map(), cells: new Map(), failed: new Set() };
    const rowErrors: RowError[] = [];
    for (const [column, index] of columns) {
      const cell = row.getCell(index);
      const location = { sheet: spec.name, row: number, column: column.header, cell: cell.address };
      read.cells.set(column.path, location);
      const value = readCell(column.kind, cell.value);
      if (value.ok) {
        if (value.value !== undefined) read.values.set(column.path, value.value);
      } else {
        rowErrors.push({ ...location, path: null, message: value.message });
        read.failed.add(column.path);
      }
    }
    if (read.values.size === 0 && rowErrors.length === 0) continue;
    for (const [column] of columns) {
      if (column.emptyValue === null && !read.values.has(column.path) && !read.failed.has(column.path)) read.values.set(column.path, null);
    }
    rows.push(read);
    errors.push(...rowErrors);
  }
  return { spec, rows };
}

function mapHeaders(sheet: ExcelJS.Worksheet, spec: SheetSpec, errors: RowError[]): Map<ColumnSpec, number> | null {
  const byHeader = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, index) => {
    const header = readCell({ type: 'text' }, cell.value);
    if (header.ok && typeof header.value === 'string') {
      const key = header.value.toLowerCase().replace(/\s+/g, ' ');
      if (!byHeader.has(key)) byHeader.set(key, index);
    }
  });
  const columns = new Map<ColumnSpec, number>();
  const missing: string[] = [];
  for (const column of spec.columns) {
    const index = byHeader.get(column.header.toLowerCase());
    if (index) columns.set(column, index);
    else if (!column.isOptional) missing.push(column.header);
  }
  if (missing.length) {
    errors.push(fileError(`Thiếu cột ${missing.map((header) => `"${header}"`).join(', ')} ở dòng tiêu đề.`, { sheet: spec.name, row: 1 }));
    return null;
  }
  return columns;
}

const hasFailed = (row: ReadRow, path: string) => row.failed.has(path);

function collectDrafts(table: SheetTable, errors: RowError[]): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  for (const row of table.rows) {
    const draft: Draft = { row, input: {}, locations: new Map(), failed: new Set(), channels: undefined };
    for (const [path, location] of row.cells) {
      const target = path === '@code' ? 'code' : path === '@methods' ? 'procedure.methods' : path;
      if (hasFailed(row, path)) draft.failed.add(target);
      draft.locations.set(target, location);
      const value = row.values.get(path);
      if (path === '@methods') draft.channels = value as string[] | undefined;
      else if (value !== undefined) setPath(draft.input, target, value);
    }
    const decisionCell = row.cells.get('decision.number');
    if (decisionCell) draft.locations.set('decision', decisionCell);
    const code = draft.input.code;
    if (typeof code !== 'string') {
      if (!draft.failed.has('code')) errors.push({ ...row.cells.get('@code')!, path: 'code', message: 'Thiếu mã thủ tục.' });
      continue;
    }
    const first = drafts.get(code);
    if (first) {
      errors.push({ ...row.cells.get('@code')!, path: 'code', message: `Mã thủ tục ${code} bị trùng (đã có ở dòng ${first.row.number}).` });
      continue;
    }
    drafts.set(code, draft);
  }
  return drafts;
}

/** Rows of CachThuc are the methods; the ThuTuc cell then only summarises them and must agree. */
function resolveMethods(draft: Draft, errors: RowError[]) {
  const procedure = draft.input.procedure as Record<string, unknown> | undefined;
  const listed = procedure?.methods as { channel?: unknown }[] | undefined;
  const channels = draft.channels;
  if (!listed) {
    if (channels)
      setPath(
        draft.input,
        'procedure.methods',
        channels.map((channel) => ({ channel, description: null })),
      );
    return;
  }
  if (!channels) return;
  const fromSheet = new Set(listed.map((method) => method.channel));
  if (fromSheet.size !== new Set(channels).size || channels.some((channel) => !fromSheet.has(channel))) {
    const cell = draft.row.cells.get('@methods')!;
    errors.push({
      ...cell,
      path: null,
      message: 'Cột "Cách thức" không khớp với các dòng của thủ tục này ở sheet CachThuc (để trống hoặc sửa cho khớp).',
    });
  }
}

/** Child rows join their procedure by code; within a procedure they are ordered by STT (QuyTrinh: as listed). */
function attachChildren(table: SheetTable, drafts: Map<string, Draft>, errors: RowError[], isOrphanReported: boolean) {
  const listPath = table.spec.listPath!;
  const byDraft = new Map<Draft, ReadRow[]>();
  for (const row of table.rows) {
    const code = row.values.get('@code');
    const codeCell = row.cells.get('@code')!;
    if (hasFailed(row, '@code')) continue;
    const draft = typeof code === 'string' ? drafts.get(code) : undefined;
    if (!draft) {
      if (!isOrphanReported && code !== undefined) continue;
      const message =
        code === undefined
          ? `Thiếu ${CODE_HEADER.toLowerCase()}.`
          : `Mã thủ tục ${String(code)} không có trong sheet ${procedureSheet.name}.`;
      errors.push({ ...codeCell, path: null, message });
      continue;
    }
    if (row.cells.has('@order') && !row.values.has('@order') && !hasFailed(row, '@order')) {
      errors.push({ ...row.cells.get('@order')!, path: null, message: 'Không được để trống.' });
      draft.failed.add(listPath);
    }
    const rows = byDraft.get(draft);
    if (rows) rows.push(row);
    else byDraft.set(draft, [row]);
  }
  for (const [draft, rows] of byDraft) {
    const order = (row: ReadRow) => (row.values.get('@order') as number | undefined) ?? Number.MAX_SAFE_INTEGER;
    const sorted = [...rows].sort((left, right) => order(left) - order(right));
    sorted.forEach((row, index) => {
      const previous = sorted[index - 1];
      if (previous && row.values.has('@order') && order(previous) === order(row)) {
        errors.push({ ...row.cells.get('@order')!, path: null, message: `STT ${order(row)} bị trùng với dòng ${previous.number}.` });
        draft.failed.add(listPath);
      }
    });
    draft.locations.set(listPath, wholeRow(table.spec, sorted[0]!));
    setPath(
      draft.input,
      listPath,
      sorted.map((row, index) => toItem(table.spec, row, `${listPath}.${index}`, draft)),
    );
  }
}

const wholeRow = (spec: SheetSpec, row: ReadRow): RowLocation => ({ sheet: spec.name, row: row.number, column: null });

function toItem(spec: SheetSpec, row: ReadRow, itemPath: string, draft: Draft): unknown {
  let item: unknown = {};
  draft.locations.set(itemPath, wholeRow(spec, row));
  for (const [path, location] of row.cells) {
    if (path.startsWith('@')) continue;
    const target = path ? `${itemPath}.${path}` : itemPath;
    draft.locations.set(target, location);
    if (hasFailed(row, path)) draft.failed.add(target);
    const value = row.values.get(path);
    if (path === '') item = value;
    else if (value !== undefined) setPath(item as Record<string, unknown>, path, value);
  }
  return item;
}

function locateIn(draft: Draft, path: string): RowLocation {
  const keys = path.split('.');
  for (let length = keys.length; length > 0; length -= 1) {
    const found = draft.locations.get(keys.slice(0, length).join('.'));
    if (found) return found;
  }
  return wholeRow(procedureSheet, draft.row);
}
