import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../core/vietnam-time';
import { readZipEntry } from '../../core/zip';
import { hasDemoBaseline } from '../../demo/baselines';
import { readDemoProcedures } from '../../demo/fixtures';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { formatDateLine } from './documents/format';

type Headers = { cookie: string; 'x-csrf-token': string };
const JUSTICE = '000.00.03.H01';
const FINANCE = '000.00.04.H01';
const POLICE = '000.00.20.H01';
/** The proposal's states and the review's vocabulary: none belongs in the text the unit signs. */
const WORKFLOW_WORDS = ['Tình trạng', 'Dự thảo', 'Đã trình', 'Đã tổng hợp', 'Đã phê duyệt', 'Đã thực hiện', 'Bị từ chối', 'QĐ-UBND'];
const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
const workDirectory = mkdtempSync(join(tmpdir(), 'motcua-proposal-document-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

/** A few procedures with a 2024 baseline handled by the unit, so that its demo proposal has items. */
function demoCodesOf(unitCode: string, count: number): string[] {
  return readDemoProcedures()
    .filter((procedure) => procedure.handlingUnitCodes.includes(unitCode) && hasDemoBaseline(procedure.code))
    .map((procedure) => procedure.code)
    .slice(0, count);
}

function pdfText(pdf: Buffer, name: string): string {
  const path = join(workDirectory, `${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

async function docxText(docx: Buffer): Promise<string> {
  const xml = (await readZipEntry(docx, 'word/document.xml')).toString('utf8');
  return xml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .filter((text) => text !== '')
    .join('\n');
}

describe.each(testBackends())('proposal documents from the unit tree and the workflow on %s', (backend) => {
  let t: TestApp;
  let controller: Headers;
  let leader: Headers;
  let units: { id: string; code: string }[];

  beforeAll(async () => {
    const codes = [...demoCodesOf(JUSTICE, 8), ...demoCodesOf(FINANCE, 4), ...demoCodesOf(POLICE, 4)];
    t = await createTestApp(backend, { demo: { procedureCodes: codes } });
    controller = await t.login('kiemsoat');
    leader = await t.login('lanhdao');
    units = (await t.app.inject({ url: '/api/units' })).json().items;
  }, 120_000);
  afterAll(() => t?.close());

  const unitId = (code: string) => units.find((unit) => unit.code === code)!.id;
  const findProposal = async (unitCode: string, year: number) => {
    const list = await t.app.inject({ url: `/api/reform/proposals?unit=${unitId(unitCode)}&year=${year}`, headers: controller });
    return list.json().items[0] as { id: string; status: string; submittedAt: string | null };
  };
  const download = async (id: string, format: 'pdf' | 'docx', headers: Headers = controller) => {
    const response = await t.app.inject({ url: `/api/reform/proposals/${id}/document.${format}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.rawPayload;
  };

  it('heads the Công an tỉnh proposal with Bộ Công an, addresses it to Bộ Công an and numbers it as Công an', async (context) => {
    const proposal = await findProposal(POLICE, 2026);
    expect(proposal.status).toBe('consolidated');
    const docx = await docxText(await download(proposal.id, 'docx'));
    expect(docx.split('\n').slice(0, 2)).toEqual(['BỘ CÔNG AN', 'CÔNG AN TỈNH AN GIANG']);
    expect(docx).toContain('/PA-CAT');
    expect(docx).toContain('trình Bộ Công an xem xét, quyết định như sau:');
    expect(docx).toContain('- Bộ Công an (để xem xét, quyết định);');
    expect(docx).not.toContain('UBND TỈNH');
    if (!hasPdftotext) context.skip();
    const pdf = pdfText(await download(proposal.id, 'pdf'), 'police');
    expect(pdf).toContain('BỘ CÔNG AN CÔNG AN TỈNH AN GIANG');
    expect(pdf).not.toContain('UBND TỈNH');
    // Dated on the day it was signed and sent (submitted), whatever the day of the download.
    expect(pdf).toContain(formatDateLine('An Giang', vietnamDate(new Date(proposal.submittedAt!))));
    expect(pdf).toContain('An Giang, ngày 10 tháng 6 năm 2026');
    for (const word of WORKFLOW_WORDS) expect(pdf).not.toContain(word);
  });

  it('keeps the approval and the status out of an approved proposal, signed by the head of the Sở', async () => {
    const proposal = await findProposal(FINANCE, 2025);
    expect(proposal.status).toBe('approved');
    const docx = await docxText(await download(proposal.id, 'docx'));
    expect(docx.split('\n').slice(0, 2)).toEqual(['UBND TỈNH AN GIANG', 'SỞ TÀI CHÍNH']);
    expect(docx).toContain('An Giang, ngày 10 tháng 6 năm 2025');
    expect(docx).toContain('GIÁM ĐỐC');
    for (const word of [...WORKFLOW_WORDS, '1530', '(Ký, ghi rõ họ tên', 'THỦ TRƯỞNG ĐƠN VỊ']) expect(docx).not.toContain(word);
  });

  it('leaves the date of a draft blank, and dates and names the unit leader once the leader submits it', async () => {
    const draft = await findProposal(JUSTICE, 2026);
    expect(draft.status).toBe('draft');
    const before = await docxText(await download(draft.id, 'docx', leader));
    expect(before).toContain('An Giang, ngày … tháng … năm 20…');
    expect(before).not.toContain('Phạm Quốc Hùng');

    const view = (await t.app.inject({ url: `/api/reform/proposals/${draft.id}`, headers: leader })).json();
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/reform/proposals/${draft.id}/actions`,
      headers: leader,
      payload: { action: 'submit', version: view.version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const submittedAt = submitted.json().submittedAt as string;
    const after = (await docxText(await download(draft.id, 'docx', leader))).split('\n');
    expect(after).toContain(formatDateLine('An Giang', vietnamDate(new Date(submittedAt))));
    // The signature block: the head's title, then the name of the leader who signed and sent it.
    expect(after.slice(after.lastIndexOf('GIÁM ĐỐC'))).toEqual(['GIÁM ĐỐC', 'Phạm Quốc Hùng']);
  });
});

describe.each(testBackends())('who signs a proposal and who decides on it on %s', (backend) => {
  let t: TestApp;
  let controller: Headers;
  let leader: Headers;
  let units: { id: string; code: string }[];

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: { procedureCodes: [...demoCodesOf(JUSTICE, 3), ...demoCodesOf(POLICE, 3)] } });
    controller = await t.login('kiemsoat');
    leader = await t.login('lanhdao');
    units = (await t.app.inject({ url: '/api/units' })).json().items;
  }, 120_000);
  afterAll(() => t?.close());

  const proposalOf = async (unitCode: string, year: number) => {
    const unit = units.find((candidate) => candidate.code === unitCode)!.id;
    const list = await t.app.inject({ url: `/api/reform/proposals?unit=${unit}&year=${year}`, headers: controller });
    const { id } = list.json().items[0] as { id: string };
    return (await t.app.inject({ url: `/api/reform/proposals/${id}`, headers: controller })).json();
  };
  const act = (id: string, headers: Headers, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/reform/proposals/${id}/actions`, headers, payload });
  const download = async (id: string, format: 'pdf' | 'docx') => {
    const response = await t.app.inject({ url: `/api/reform/proposals/${id}/document.${format}`, headers: leader });
    expect(response.statusCode, response.body).toBe(200);
    return response.rawPayload;
  };

  it('prints the signing the leader chose at submission: KT. with the deputy title, Q., or the head by default', async () => {
    const draft = await proposalOf(JUSTICE, 2026);
    const wrongStep = await act(draft.id, leader, { action: 'reopen', version: draft.version, signing: { form: 'deputy' } });
    expect(wrongStep.statusCode).toBe(422);
    expect(wrongStep.json().error.details).toEqual([{ path: 'signing', message: 'Hình thức ký chỉ chọn khi trình phương án.' }]);
    const badForm = await act(draft.id, leader, { action: 'submit', version: draft.version, signing: { form: 'proxy' } });
    expect(badForm.statusCode).toBe(422);
    expect(badForm.json().error.message).toMatch(/[À-ỹ]/u);

    const deputy = await act(draft.id, leader, {
      action: 'submit',
      version: draft.version,
      signing: { form: 'deputy', title: 'Phó Giám đốc phụ trách' },
    });
    expect(deputy.statusCode, deputy.body).toBe(200);
    expect(deputy.json().signing).toEqual({ form: 'deputy', title: 'Phó Giám đốc phụ trách' });
    const signedAsDeputy = (await docxText(await download(draft.id, 'docx'))).split('\n');
    expect(signedAsDeputy.slice(signedAsDeputy.indexOf('KT. GIÁM ĐỐC'))).toEqual([
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC PHỤ TRÁCH',
      'Phạm Quốc Hùng',
    ]);

    const reopened = await act(draft.id, leader, { action: 'reopen', version: deputy.json().version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().signing).toBeNull();
    const acting = await act(draft.id, leader, { action: 'submit', version: reopened.json().version, signing: { form: 'acting' } });
    expect(acting.statusCode, acting.body).toBe(200);
    if (hasPdftotext) {
      const pdf = pdfText(await download(draft.id, 'pdf'), 'acting');
      expect(pdf).toContain('Q. GIÁM ĐỐC Phạm Quốc Hùng');
      expect(pdf).not.toContain('KT.');
    }

    // Submitted again without a choice, the head signs: the earlier choice does not linger.
    const again = await act(draft.id, leader, { action: 'reopen', version: acting.json().version });
    const head = await act(draft.id, leader, { action: 'submit', version: again.json().version });
    expect(head.json().signing).toBeNull();
    const signedAsHead = (await docxText(await download(draft.id, 'docx'))).split('\n');
    expect(signedAsHead.slice(signedAsHead.lastIndexOf('GIÁM ĐỐC'))).toEqual(['GIÁM ĐỐC', 'Phạm Quốc Hùng']);
    expect(signedAsHead.some((line) => line.startsWith('KT.') || line.startsWith('Q.'))).toBe(false);
  });

  it('lets the province consolidate a vertical agency’s proposal but leaves its approval and rejection to the ministry', async () => {
    const police = await proposalOf(POLICE, 2026);
    expect(police.status).toBe('consolidated');
    expect(police.decidedBy).toBe('Bộ Công an');
    expect(police.allowedActions).toEqual(police.status === 'consolidated' ? ['record_central_decision'] : []);
    const approve = await act(police.id, controller, {
      action: 'approve',
      version: police.version,
      approvalReference: 'Quyết định số 1/QĐ-UBND',
    });
    expect(approve.statusCode).toBe(403);
    expect(approve.json().error.message).toContain('Bộ Công an xem xét, quyết định');
    const reject = await act(police.id, controller, { action: 'reject', version: police.version, reason: 'Chưa đủ căn cứ.' });
    expect(reject.statusCode).toBe(403);
    const admin = await t.login('admin');
    const byAdmin = await act(police.id, admin, { action: 'reject', version: police.version, reason: 'Chưa đủ căn cứ.' });
    expect(byAdmin.statusCode).toBe(403);
    expect((await proposalOf(POLICE, 2026)).status).toBe('consolidated');

    // A province unit's proposal is still the province's to decide.
    const justice = await proposalOf(JUSTICE, 2026);
    expect(justice.decidedBy).toBeNull();
    const centralDecision = { number: '125/QĐ-BCA', date: '2026-11-20', issuerName: 'Bộ Công an', outcome: 'rejected' };
    const onProvince = await act(justice.id, controller, { action: 'record_central_decision', version: justice.version, centralDecision });
    expect(onProvince.statusCode).toBe(403);

    // The ministry's decision is recorded by the office: the proposal leaves "consolidated".
    const missing = await act(police.id, controller, { action: 'record_central_decision', version: police.version });
    expect(missing.json().error.details).toEqual([{ path: 'centralDecision', message: 'Nhập quyết định của bộ, ngành về phương án.' }]);
    const recorded = await act(police.id, controller, { action: 'record_central_decision', version: police.version, centralDecision });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ status: 'rejected', centralDecision, allowedActions: [] });
    expect(recorded.json().events.at(-1)).toMatchObject({
      action: 'proposal.record_central_decision',
      note: '125/QĐ-BCA (Bộ Công an, 20/11/2026)',
    });
  });
});
