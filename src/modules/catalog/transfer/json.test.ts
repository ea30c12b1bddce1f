import { describe, expect, it } from 'vitest';
import { procedureContentSchema } from '../../../contract/catalog';
import { readProceduresJson, writeProceduresJson } from './json';
import { buildDecision, buildJsonFile, buildProcedureContent } from './test-support';

const goodRow = (code: string) => ({ code, decision: buildDecision(), procedure: buildProcedureContent() });

describe('JSON catalog files', () => {
  it('reads rows written by the exporter back to the same content', () => {
    const procedure = procedureContentSchema.parse(buildProcedureContent());
    const text = writeProceduresJson(
      [{ code: '9.000001', versionNo: 1, decision: buildDecision(), procedure }],
      new Date('2026-11-23T01:00:00Z'),
    );
    const document = JSON.parse(text);
    expect(document).toMatchObject({ format: 'motcua.procedures', version: 1, exportedAt: '2026-11-23T08:00:00+07:00' });
    const parsed = readProceduresJson(Buffer.from(text));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ code: '9.000001', versionNo: 1, decision: buildDecision(), procedure });
  });

  it('refuses what is not a catalog file, with one clear message', () => {
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('PK\u0003\u0004 not json'), /không phải JSON hợp lệ/],
      [Buffer.from('[1, 2]'), /phải là một đối tượng/],
      [buildJsonFile([], { format: 'other.catalog' }), /"format" phải là "motcua.procedures"/],
      [buildJsonFile([], { version: 2 }), /Phiên bản định dạng 2 không được hỗ trợ/],
      [buildJsonFile([], { procedures: 'all' }), /Thiếu danh sách "procedures"/],
    ];
    for (const [content, message] of cases) {
      const parsed = readProceduresJson(content);
      expect(parsed.rows).toEqual([]);
      expect(parsed.errors).toHaveLength(1);
      expect(parsed.errors[0]!.message).toMatch(message);
    }
  });

  it('names the field holding text no database can store (a lone UTF-16 surrogate, NUL)', () => {
    const content = buildJsonFile([
      { ...goodRow('9.000001'), procedure: buildProcedureContent({ name: 'Thủ tục \ud800' }) },
      { ...goodRow('9.000002'), procedure: buildProcedureContent({ field: 'Hộ\u0000tịch' }) },
    ]);
    const parsed = readProceduresJson(content);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      expect.objectContaining({ row: 1, path: 'procedure.name', message: expect.stringMatching(/UTF-16/) }),
      expect.objectContaining({ row: 2, path: 'procedure.field', message: expect.stringMatching(/NUL/) }),
    ]);
  });

  it('reports each bad row by its position and path, in Vietnamese, and keeps the good ones apart', () => {
    const infinite =
      '{"code":"9.000004","decision":null,"procedure":' +
      JSON.stringify(buildProcedureContent()).replace('"amount":10,', '"amount":1e999,') +
      '}';
    const base = buildJsonFile([
      goodRow('9.000001'),
      { ...goodRow('9.000002'), decision: buildDecision({ date: '2026-02-30' }) },
      goodRow('9.000003'),
      'x',
    ]).toString('utf8');
    // JSON.stringify cannot write 1e999: the fifth row is spliced in as text.
    const content = Buffer.from(`${base.slice(0, base.lastIndexOf(']}'))},${infinite}]}`);
    const parsed = readProceduresJson(content);
    expect(parsed.rows.map((row) => row.code)).toEqual(['9.000001', '9.000003']);
    expect(parsed.errors).toEqual([
      { sheet: 'procedures', row: 2, column: 'decision.date', path: 'decision.date', message: 'Ngày không tồn tại.' },
      { sheet: 'procedures', row: 4, column: null, path: null, message: 'Mỗi phần tử của "procedures" phải là một đối tượng.' },
      expect.objectContaining({
        row: 5,
        path: 'procedure.processingTime.amount',
        message: 'Số không hợp lệ (quá lớn hoặc không hữu hạn).',
      }),
    ]);
  });

  it('names missing and mistyped fields instead of printing a schema dump', () => {
    const { name: _name, ...withoutName } = buildProcedureContent();
    const parsed = readProceduresJson(
      buildJsonFile([
        { code: '9.000001', procedure: withoutName },
        { code: '9.000002', procedure: { ...buildProcedureContent(), postalEligible: 'Có' } },
        { code: '1000948', procedure: buildProcedureContent() },
      ]),
    );
    expect(parsed.errors.map((error) => [error.row, error.path, error.message])).toEqual([
      [1, 'procedure.name', 'Không được để trống.'],
      [2, 'procedure.postalEligible', 'Phải là giá trị đúng/sai (true/false).'],
      [3, 'code', 'Mã thủ tục phải có dạng 1.000948 (thủ tục nội bộ bắt đầu bằng 5.).'],
    ]);
  });

  it('refuses a code that appears twice, pointing at the first occurrence', () => {
    const parsed = readProceduresJson(buildJsonFile([goodRow('9.000001'), goodRow('9.000002'), goodRow('9.000001')]));
    expect(parsed.errors).toEqual([
      { sheet: 'procedures', row: 3, column: 'code', path: 'code', message: 'Mã thủ tục 9.000001 bị trùng (đã có ở dòng 1).' },
    ]);
  });

  it('normalises text to NFC and accepts a byte-order mark', () => {
    const decomposed = 'Cấp giấy phép'.normalize('NFD');
    const file = buildJsonFile([{ ...goodRow('9.000001'), procedure: buildProcedureContent({ name: decomposed }) }]);
    const parsed = readProceduresJson(Buffer.concat([Buffer.from('\uFEFF'), file]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.procedure.name).toBe('Cấp giấy phép'.normalize('NFC'));
  });
});
