import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetPath } from '../../assets';
import { type AuthHeaders, createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

// The holder columns of a dossier (the active step's role, unit and assignee, src/modules/dossiers/holders.ts) follow
// every action, and the `todo` box built on them holds the dossier for its holder of the moment only
// (docs/api/dossiers.md "Reading").

const wd = (amount: number) => ({ amount, unit: 'working_days' });
const template = [
  { order: 1, name: 'Tiếp nhận hồ sơ', role: 'desk_officer', unitCode: null, budget: wd(0.5) },
  { order: 2, name: 'Chuyển hồ sơ', role: 'desk_officer', unitCode: null, budget: wd(0.5) },
  { order: 3, name: 'Phân công', role: 'division_head', unitCode: null, budget: wd(0.5) },
  { order: 4, name: 'Thẩm định', role: 'specialist', unitCode: null, budget: wd(5) },
  { order: 5, name: 'Xem xét', role: 'division_head', unitCode: null, budget: wd(1) },
  { order: 6, name: 'Phê duyệt', role: 'unit_leader', unitCode: null, budget: wd(1.5) },
  { order: 7, name: 'Phát hành', role: 'clerk', unitCode: null, budget: wd(0.5) },
  { order: 8, name: 'Trả kết quả', role: 'desk_officer', unitCode: null, budget: wd(0.5) },
];

type View = { id: string; version: number; status: string; currentStepNo: number | null };
type Row = Record<string, unknown>;

describe.each(testBackends())('inbox holders on %s', (backend) => {
  let t: TestApp;
  let make: ReturnType<typeof createFactories>;
  let procedure: ProcedureRef;
  const ids: Record<string, string> = {};
  const as: Record<string, AuthHeaders> = {};

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    const province = await make.buildProvince();
    procedure = await make.buildProcedure({
      handlingUnits: [province.departmentA],
      content: { components: [{ name: 'Đơn đề nghị' }], processTemplate: template },
    });
    const roles = {
      desk: [{ role: 'desk_officer', unit: province.desk }],
      head: [{ role: 'division_head', unit: province.divisionA }],
      specialist: [{ role: 'specialist', unit: province.departmentA }],
      colleague: [{ role: 'specialist', unit: province.departmentA }],
      leader: [{ role: 'unit_leader', unit: province.departmentA }],
      outsider: [{ role: 'unit_leader', unit: province.departmentB }],
    } as const;
    for (const [name, list] of Object.entries(roles)) {
      const user = await make.buildUser({ roles: [...list] });
      ids[name] = user.id;
      as[name] = await user.login();
    }
  });
  afterAll(() => t?.close());

  const rowsOf = (result: unknown) => ((result as { rows?: Row[] }).rows ?? (result as Row[])) as Row[];

  async function ok(who: string, view: View, body: Record<string, unknown>): Promise<View> {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${view.id}/actions`,
      headers: as[who],
      payload: { version: view.version, ...body },
    });
    if (response.statusCode !== 200) throw new Error(`${String(body.action)} by ${who}: ${response.statusCode} ${response.body}`);
    return response.json();
  }

  /** Whose `todo` box holds the dossier now, among every test user. */
  async function todoOf(id: string): Promise<string[]> {
    const holders: string[] = [];
    for (const name of Object.keys(as)) {
      const response = await t.app.inject({ url: '/api/dossiers?box=todo&pageSize=100', headers: as[name] });
      expect(response.statusCode).toBe(200);
      const list = response.json() as { items: { id: string }[]; total: number };
      expect(list.total).toBe(list.items.length);
      if (list.items.some((item) => item.id === id)) holders.push(name);
    }
    return holders;
  }

  /** The holder columns of the dossier next to its active step (none: all three null). */
  async function holderOf(id: string) {
    const [row] = rowsOf(
      await t.database.db.execute(sql`
        select d.active_step_role as role, d.active_step_unit_id as unit, d.active_step_assignee_id as assignee,
          s.role as step_role, s.unit_id as step_unit, s.assignee_id as step_assignee
        from dossiers d left join dossier_steps s on s.dossier_id = d.id and s.status = 'active'
        where d.id = ${id}`),
    );
    expect(row).toBeDefined();
    expect({ role: row!.role, unit: row!.unit, assignee: row!.assignee }).toEqual({
      role: row!.step_role,
      unit: row!.step_unit,
      assignee: row!.step_assignee,
    });
    return { role: row!.role ?? null, assignee: row!.assignee ?? null };
  }

  it('moves the dossier from one holder’s todo to the next at every step, and out of every todo once returned', async () => {
    const made = await make.buildDossier({ officer: as.desk!, procedure });
    let view: View = (await t.app.inject({ url: `/api/dossiers/${made.id}`, headers: as.desk })).json();
    expect(await holderOf(view.id)).toEqual({ role: 'desk_officer', assignee: null });
    expect(await todoOf(view.id)).toEqual(['desk']);

    view = await ok('desk', view, { action: 'transfer' });
    expect(await holderOf(view.id)).toEqual({ role: 'division_head', assignee: null });
    expect(await todoOf(view.id)).toEqual(['head']);

    view = await ok('head', view, { action: 'assign', assigneeId: ids.specialist });
    expect(await holderOf(view.id)).toEqual({ role: 'specialist', assignee: ids.specialist });
    // Assigned: the specialist's, not the colleague's with the same role over the same unit.
    expect(await todoOf(view.id)).toEqual(['specialist']);

    view = await ok('specialist', view, { action: 'submit_for_review' });
    expect(await todoOf(view.id)).toEqual(['head']);

    view = await ok('head', view, { action: 'send_back', comment: 'Bổ sung ý kiến thẩm định.' });
    expect(await holderOf(view.id)).toEqual({ role: 'specialist', assignee: ids.specialist });
    expect(await todoOf(view.id)).toEqual(['specialist']);

    view = await ok('specialist', view, { action: 'submit_for_review' });
    view = await ok('head', view, { action: 'approve' });
    expect(await holderOf(view.id)).toEqual({ role: 'unit_leader', assignee: null });
    expect(await todoOf(view.id)).toEqual(['leader']);

    view = await ok('leader', view, { action: 'approve' });
    expect(await holderOf(view.id)).toEqual({ role: 'clerk', assignee: null });
    expect(await todoOf(view.id)).toEqual(['leader']);

    view = await ok('leader', view, { action: 'issue_result', resultNumber: '7/GP' });
    expect(view.status).toBe('result_ready');
    expect(await holderOf(view.id)).toEqual({ role: 'desk_officer', assignee: null });
    expect(await todoOf(view.id)).toEqual(['desk']);

    view = await ok('desk', view, { action: 'return_result', method: 'desk' });
    expect(await holderOf(view.id)).toEqual({ role: null, assignee: null });
    expect(await todoOf(view.id)).toEqual([]);
    // Still readable by those who handled it.
    const all = await t.app.inject({ url: `/api/dossiers?box=all&q=${encodeURIComponent(made.code)}`, headers: as.specialist });
    expect(all.json().items.map((item: { id: string }) => item.id)).toEqual([view.id]);
  });

  it('clears the holder when a dossier stops, and keeps none for a dossier not yet accepted', async () => {
    const made = await make.buildDossier({ officer: as.desk!, procedure });
    let view: View = (await t.app.inject({ url: `/api/dossiers/${made.id}`, headers: as.desk })).json();
    view = await ok('desk', view, { action: 'transfer' });
    expect(await todoOf(view.id)).toEqual(['head']);
    view = await ok('desk', view, { action: 'stop', reason: 'Người nộp đề nghị dừng.' });
    expect(await holderOf(view.id)).toEqual({ role: null, assignee: null });
    expect(await todoOf(view.id)).toEqual([]);

    const waiting = await make.buildDossier({
      officer: as.desk!,
      procedure,
      body: {
        components: [{ position: 0, presence: 'missing', fileIds: [] }],
        decision: { action: 'request_supplement', reason: 'Thiếu đơn.', positions: [0], items: [] },
      },
    });
    expect(waiting.status).toBe('supplement_requested');
    expect(await holderOf(waiting.id)).toEqual({ role: null, assignee: null });
    expect(await todoOf(waiting.id)).toEqual(['desk']);
  });

  it('backfills the holder columns of the dossiers that existed before migration 0015', async () => {
    const made = await make.buildDossier({ officer: as.desk!, procedure });
    let view: View = (await t.app.inject({ url: `/api/dossiers/${made.id}`, headers: as.desk })).json();
    view = await ok('desk', view, { action: 'transfer' });
    view = await ok('head', view, { action: 'assign', assigneeId: ids.specialist });
    // As an installation had them before 0015: no holder on any row; then the migration's backfill alone.
    await t.database.db.execute(
      sql`update dossiers set active_step_role = null, active_step_unit_id = null, active_step_assignee_id = null`,
    );
    expect(await todoOf(view.id)).toEqual([]);
    const backfill = readFileSync(assetPath('src', 'db', 'migrations', '0015_dossier_inbox.sql'), 'utf8')
      .split('--> statement-breakpoint')
      .filter((statement) => /^\s*UPDATE/m.test(statement));
    expect(backfill).toHaveLength(1);
    await t.database.db.execute(sql.raw(backfill[0]!));
    expect(await holderOf(view.id)).toEqual({ role: 'specialist', assignee: ids.specialist });
    expect(await todoOf(view.id)).toEqual(['specialist']);
    const [mismatched] = rowsOf(
      await t.database.db.execute(sql`
        select count(*)::int as n from dossiers d left join dossier_steps s on s.dossier_id = d.id and s.status = 'active'
        where d.active_step_role is distinct from s.role or d.active_step_unit_id is distinct from s.unit_id
          or d.active_step_assignee_id is distinct from s.assignee_id`),
    );
    expect(mismatched!.n).toBe(0);
  });
});
