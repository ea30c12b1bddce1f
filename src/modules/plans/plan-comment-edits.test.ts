import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanComment } from '../../contract/plans-reports';
import { type AuthHeaders, createFactories, type Factories } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

/*
 * A comment's author edits it ("(đã sửa)") and deletes it (administrators too); a deleted comment stays in its thread
 * as a tombstone; the text before is in the audit trail (docs/api/plans.md "Progress reports, evidence, comments").
 */
describe.each(testBackends())('editing and deleting a task comment (%s)', (backend) => {
  let t: TestApp;
  let make: Factories;
  let staffA: AuthHeaders;
  let otherOfA: AuthHeaders;
  let staffB: AuthHeaders;
  let admin: AuthHeaders;
  let taskId: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    const tree = await make.buildProvince();
    staffA = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentA }] })).login();
    otherOfA = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentA }] })).login();
    staffB = await (await make.buildUser({ roles: [{ role: 'specialist', unit: tree.departmentB }] })).login();
    admin = await make.admin();
    const plan = await make.buildPlan({
      headers: admin,
      issuer: tree.province,
      body: {
        tasks: [{ ref: '1', title: 'Rà soát thủ tục hành chính', lead: ['Sở A'], coordinating: ['Sở B'] }],
        units: [
          { name: 'Sở A', unitId: tree.departmentA.id },
          { name: 'Sở B', unitId: tree.departmentB.id },
        ],
      },
    });
    taskId = plan.tasks[0]!.id;
  }, 120_000);
  afterAll(() => t?.close());

  const comment = async (headers: AuthHeaders, text: string) => {
    const response = await t.app.inject({ method: 'POST', url: `/api/plans/tasks/${taskId}/comments`, headers, payload: { text } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as PlanComment;
  };
  const edit = (headers: AuthHeaders, id: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/plans/comments/${id}`, headers, payload });
  const remove = (headers: AuthHeaders, id: string, version: number) =>
    t.app.inject({ method: 'DELETE', url: `/api/plans/comments/${id}?version=${version}`, headers });
  const thread = async (headers: AuthHeaders) =>
    (await t.app.inject({ url: `/api/plans/tasks/${taskId}/comments`, headers })).json().items as PlanComment[];
  const audit = async (action: string, commentId: string) =>
    (
      (await t.database.db.execute(
        sql`select actor_id, data from audit_events where action = ${action} and data->>'commentId' = ${commentId} order by id`,
      )) as unknown as { rows: { actor_id: string; data: Record<string, unknown> }[] }
    ).rows;
  const stored = async (id: string) =>
    (
      (await t.database.db.execute(
        sql`select text, version, edited_at, deleted_at from plan_task_comments where id = ${id}`,
      )) as unknown as {
        rows: { text: string; version: number; edited_at: unknown; deleted_at: unknown }[];
      }
    ).rows[0]!;

  it('its author edits it: the version moves on, "edited" is recorded, the text before is audited', async () => {
    const made = await comment(staffA, 'Sở A đã rà soát 10 thủ tục.');
    expect(made).toMatchObject({ version: 1, editedAt: null, deletedAt: null, canEdit: true, canDelete: true });
    // Another reader of the thread sees neither button on it.
    expect((await thread(staffB)).find((item) => item.id === made.id)).toMatchObject({ canEdit: false, canDelete: false });
    const edited = await edit(staffA, made.id, { text: '  Sở A đã rà soát  12 thủ tục. ', version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ id: made.id, text: 'Sở A đã rà soát 12 thủ tục.', version: 2, canEdit: true });
    expect(edited.json().editedAt).toEqual(expect.any(String));
    expect((await thread(staffB)).find((item) => item.id === made.id)).toMatchObject({
      text: 'Sở A đã rà soát 12 thủ tục.',
      editedAt: edited.json().editedAt,
    });
    const [event] = await audit('plan.comment.edited', made.id);
    expect(event!.data).toMatchObject({ previousText: 'Sở A đã rà soát 10 thủ tục.', text: 'Sở A đã rà soát 12 thủ tục.' });
  });

  it('a stale version is 409, someone else 403 (the administrator too), an unknown comment 404; nothing written', async () => {
    const made = await comment(staffA, 'Ý kiến ban đầu.');
    await edit(staffA, made.id, { text: 'Ý kiến lần hai.', version: 1 });
    const stale = await edit(staffA, made.id, { text: 'Ý kiến cũ đè lên.', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/tải lại/) });
    const other = await edit(otherOfA, made.id, { text: 'Sửa ý kiến người khác.', version: 2 });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/Chỉ người viết ý kiến/);
    expect((await edit(admin, made.id, { text: 'Quản trị viên sửa.', version: 2 })).statusCode).toBe(403);
    expect((await remove(staffB, made.id, 2)).statusCode).toBe(403);
    const unknown = await edit(staffA, '00000000-0000-4000-8000-000000000000', { text: 'Không có.', version: 1 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Không tìm thấy ý kiến.');
    expect((await remove(staffA, '00000000-0000-4000-8000-000000000000', 1)).statusCode).toBe(404);
    expect((await remove(staffA, made.id, 1)).statusCode).toBe(409);
    expect(await stored(made.id)).toMatchObject({ text: 'Ý kiến lần hai.', version: 2, deleted_at: null });
    expect(await audit('plan.comment.edited', made.id)).toHaveLength(1);
    expect(await audit('plan.comment.deleted', made.id)).toHaveLength(0);
  });

  it('empty or oversized text is 422 with its field; nothing written', async () => {
    const made = await comment(staffA, 'Ý kiến cần giữ nguyên.');
    for (const text of ['   ', 'x'.repeat(5001)]) {
      const response = await edit(staffA, made.id, { text, version: 1 });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'text' }] });
      expect(response.json().error.details[0].message).toMatch(/Thiếu nội dung ý kiến|Ý kiến quá dài/);
    }
    expect((await edit(staffA, made.id, { text: 'Thiếu phiên bản.' })).statusCode).toBe(422);
    expect(await stored(made.id)).toMatchObject({ text: 'Ý kiến cần giữ nguyên.', version: 1, edited_at: null });
  });

  it('a deleted comment stays in the thread as a tombstone, its text in the audit; the author or an administrator deletes', async () => {
    const first = await comment(staffA, 'Ý kiến thứ nhất.');
    const second = await comment(staffB, 'Sở B trả lời ý kiến thứ nhất.');
    const third = await comment(staffB, 'Sở B bổ sung.');
    const deleted = await remove(staffA, first.id, 1);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({ id: first.id, text: '', version: 2, canEdit: false, canDelete: false });
    expect(deleted.json().deletedAt).toEqual(expect.any(String));
    // The administrator deletes another's comment.
    expect((await remove(admin, third.id, 1)).statusCode).toBe(200);
    const items = await thread(staffB);
    const ids = items.map((item) => item.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(items.find((item) => item.id === first.id)).toMatchObject({ text: '', author: { id: first.author.id } });
    expect(items.find((item) => item.id === second.id)).toMatchObject({ text: 'Sở B trả lời ý kiến thứ nhất.', deletedAt: null });
    expect((await stored(first.id)).text).toBe('');
    const [event] = await audit('plan.comment.deleted', first.id);
    expect(event!.data).toMatchObject({ previousText: 'Ý kiến thứ nhất.' });
    expect((await audit('plan.comment.deleted', third.id))[0]!.data).toMatchObject({ previousText: 'Sở B bổ sung.' });
    // A tombstone is neither edited nor deleted again.
    const again = await edit(staffA, first.id, { text: 'Viết lại.', version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Ý kiến này đã được xóa.');
    expect((await remove(staffA, first.id, 2)).statusCode).toBe(409);
  });
});
