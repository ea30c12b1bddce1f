import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PROPOSAL_ITEMS } from '../../../contract/reform-proposals';
import { reformProposalItems } from '../../../db/schema/reform';
import { readDemoProcedures } from '../../../demo/fixtures';
import { buildApp } from '../../../http/app';
import { createTestApp, type TestApp, testBackends, testConfig } from '../../../test/harness';

type Headers = { cookie: string; 'x-csrf-token': string };
const JUSTICE = '000.00.03.H01';
const PROCEDURE_COUNT = 12;
/** Far more than the queries that load a proposal (about ten): see the first test. */
const OTHER_REQUESTS = 40;

/** Text of the given length, worded like a real reason so that the layout wraps it as it would wrap one. */
function longText(length: number): string {
  const sentence = 'Sửa đổi khoản 2 Điều 18 Nghị định số 123/2015/NĐ-CP, bỏ thành phần hồ sơ đã có trong cơ sở dữ liệu quốc gia. ';
  // Ends in a full stop, so that trimming (as the API does) keeps the length.
  return `${sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length - 1)}.`;
}

const proposed = {
  timeAmount: 3,
  timeUnit: 'working_days',
  activities: [{ name: 'Chờ giải quyết', hours: 24 }],
  feesVnd: 0,
  otherCostsVnd: 0,
};
const longestItem = () => ({
  measures: ['shorten_time', 'cut_components'],
  proposed,
  legalText: longText(2000),
  reason: longText(2000),
});

describe.each(testBackends())('proposal documents rendered off the event loop on %s', (backend) => {
  let t: TestApp;
  let leader: Headers;
  let proposalId: string;
  let justiceId: string;
  const justiceCodes = readDemoProcedures()
    .filter((procedure) => procedure.handlingUnitCodes.includes(JUSTICE))
    .map((procedure) => procedure.code)
    .slice(0, PROCEDURE_COUNT);

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: { procedureCodes: justiceCodes } });
    leader = await t.login('lanhdao');
    const units = (await t.app.inject({ url: '/api/units' })).json().items as { id: string; code: string }[];
    justiceId = units.find((unit) => unit.code === JUSTICE)!.id;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/reform/proposals',
      headers: leader,
      payload: { unitId: justiceId, year: 2098, title: 'Phương án dài để thử tạo văn bản' },
    });
    expect(created.statusCode, created.body).toBe(201);
    let proposal = created.json() as { id: string; version: number };
    // The longest texts the API accepts, on every item: the slowest document a unit can ask for with these procedures.
    for (const code of justiceCodes) {
      const added = await t.app.inject({
        method: 'PUT',
        url: `/api/reform/proposals/${proposal.id}/items/${code}`,
        headers: leader,
        payload: {
          measures: ['shorten_time', 'cut_components'],
          proposed: {
            timeAmount: 3,
            timeUnit: 'working_days',
            activities: [{ name: 'Chờ giải quyết', hours: 24 }],
            feesVnd: 0,
            otherCostsVnd: 0,
          },
          legalText: longText(2000),
          reason: longText(2000),
          version: proposal.version,
        },
      });
      expect(added.statusCode, added.body).toBe(200);
      proposal = added.json();
    }
    proposalId = proposal.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('answers another signed-in user, again and again, while a long proposal renders as PDF and DOCX', async () => {
    const other = await t.login('admin');
    for (const format of ['pdf', 'docx']) {
      const completed: string[] = [];
      const document = t.app.inject({ url: `/api/reform/proposals/${proposalId}/document.${format}`, headers: leader }).then((response) => {
        completed.push('document');
        return response;
      });
      // The other user's requests read their session from the same database as the document's, one after another:
      // rendering on the event loop would hold all those after the document's last query until the file is done.
      for (let index = 0; index < OTHER_REQUESTS; index += 1) {
        const health = await t.app.inject({ url: '/api/health', headers: other });
        expect(health.statusCode).toBe(200);
        completed.push('health');
      }
      const response = await document;
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      expect(response.rawPayload.subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
      // The PDF of the longest texts takes seconds to lay out, far longer than the other user's requests: all of them
      // are answered first. The DOCX is written in a fraction of that, so it may come back before the last of them
      // whether or not it blocked the loop; it is checked for being rendered, not for the order.
      if (format === 'pdf') expect(completed.indexOf('document'), 'every other request answered before the PDF').toBe(OTHER_REQUESTS);
    }
  });

  it('stops a rendering past its time limit with 503 in the error shape, and renders again afterwards', async () => {
    const hurried = await buildApp({ config: testConfig({ documentTimeoutMs: 1 }), database: t.database, webRoot: '/nonexistent' });
    try {
      const response = await hurried.inject({ url: `/api/reform/proposals/${proposalId}/document.pdf`, headers: leader });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        error: { code: 'unavailable', message: expect.stringMatching(/vượt quá thời gian cho phép/), details: [] },
      });
    } finally {
      await hurried.close();
    }
    const again = await t.app.inject({ url: `/api/reform/proposals/${proposalId}/document.docx`, headers: leader });
    expect(again.statusCode).toBe(200);
  });

  it(`holds at most ${MAX_PROPOSAL_ITEMS} procedures and texts of 2,000 characters in a proposal`, async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/reform/proposals',
      headers: leader,
      payload: { unitId: justiceId, year: 2097, title: 'Phương án đầy' },
    });
    const full = created.json() as { id: string; version: number };
    // Procedures the demo does not have: the limit counts items, whichever procedures they are.
    await t.database.db.insert(reformProposalItems).values(
      Array.from({ length: MAX_PROPOSAL_ITEMS }, (_, index) => ({
        proposalId: full.id,
        procedureCode: `9.${String(index).padStart(6, '0')}`,
        position: index + 1,
        measures: ['shorten_time' as const],
        proposed: { ...proposed, timeUnit: 'working_days' as const },
        legalText: null,
        reason: 'Rút ngắn thời gian',
      })),
    );
    const put = (code: string, payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/reform/proposals/${full.id}/items/${code}`,
        headers: leader,
        payload: { ...payload, version: full.version },
      });
    const oneMore = await put(justiceCodes[0]!, longestItem());
    expect(oneMore.statusCode).toBe(422);
    expect(oneMore.json().error.message).toBe(
      `Một phương án có tối đa ${MAX_PROPOSAL_ITEMS} thủ tục. Hãy lập thêm phương án cho các thủ tục còn lại.`,
    );
    const tooLong = await put(justiceCodes[0]!, { ...longestItem(), reason: longText(2001) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.details).toEqual([{ path: 'reason', message: 'Tối đa 2000 ký tự.' }]);
  });
});
