import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthHeaders,
  conditionInput,
  createFactories,
  type Factories,
  type ProcedureRef,
  proposalItemInput,
  type UnitRef,
  worksheetInput,
} from '../../test/factories';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

/**
 * Regression tests for issue 9 §2: a role reaches down its unit's subtree, never up; drafts stay within the unit,
 * the provincial procedure-control office and administrators.
 */
describe.each(testBackends())('reform permissions by unit subtree on %s', (backend) => {
  let t: TestApp;
  let make: Factories;
  let tree: Awaited<ReturnType<Factories['buildProvince']>>;
  let provinceProcedure: ProcedureRef;
  let as: Record<
    'communeSpecialist' | 'divisionSpecialist' | 'specialistA' | 'specialistB' | 'provinceSpecialist' | 'controller',
    AuthHeaders
  >;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    tree = await make.buildProvince();
    provinceProcedure = await make.buildProcedure({ handlingUnits: [tree.province] });
    await make.buildWorksheet({ procedure: provinceProcedure });
    const specialistOf = async (unit: UnitRef) => (await make.buildUser({ roles: [{ role: 'specialist', unit }] })).login();
    as = {
      communeSpecialist: await specialistOf(tree.commune),
      divisionSpecialist: await specialistOf(tree.divisionA),
      specialistA: await specialistOf(tree.departmentA),
      specialistB: await specialistOf(tree.departmentB),
      provinceSpecialist: await specialistOf(tree.province),
      controller: await (await make.buildUser({ roles: [{ role: 'procedure_controller', unit: tree.office }] })).login(),
    };
  }, 120_000);
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers?: AuthHeaders, payload?: object) =>
    t.app.inject({ method, url, headers, payload });

  it('keeps a commune specialist off the worksheets of UBND tỉnh’s procedures', async () => {
    const url = `/api/reform/procedures/${provinceProcedure.code}`;
    const view = (await call('GET', url, as.communeSpecialist)).json();
    expect(view.canEdit).toBe(false);
    const save = await call('PUT', `${url}/versions/1/worksheet`, as.communeSpecialist, {
      ...worksheetInput({ hours: 1 }),
      version: view.current.worksheet.version,
    });
    expect(save.statusCode).toBe(403);
    expect((await call('GET', url, as.controller)).json().current.worksheet.activities[0].hours).toBe(40);
  });

  it('keeps a commune specialist off UBND tỉnh’s proposals, and a division’s off its department’s', async () => {
    const code = provinceProcedure.code;
    for (const [unit, outsider] of [
      [tree.province, as.communeSpecialist],
      [tree.departmentA, as.divisionSpecialist],
    ] as const) {
      const proposal = await make.buildProposal({ unit, procedures: [provinceProcedure] });
      const { version } = proposal;
      expect(
        (await call('POST', '/api/reform/proposals', outsider, { unitId: unit.id, year: 2026, title: 'Không phải của tôi' })).statusCode,
      ).toBe(403);
      expect((await call('PATCH', `/api/reform/proposals/${proposal.id}`, outsider, { title: 'Đổi tên', version })).statusCode).toBe(403);
      const item = await call('PUT', `/api/reform/proposals/${proposal.id}/items/${code}`, outsider, { ...proposalItemInput(), version });
      expect(item.statusCode).toBe(403);
      expect((await call('DELETE', `/api/reform/proposals/${proposal.id}/items/${code}?version=${version}`, outsider)).statusCode).toBe(
        403,
      );
      expect((await call('POST', `/api/reform/proposals/${proposal.id}/actions`, outsider, { action: 'submit', version })).statusCode).toBe(
        403,
      );
    }
  });

  it('keeps a commune specialist off UBND tỉnh’s business conditions; a role reaches down, so the province’s reaches the commune', async () => {
    const provinceCondition = await make.buildCondition({ unit: tree.province });
    const create = await call('POST', '/api/reform/conditions', as.communeSpecialist, conditionInput({ unitId: tree.province.id }));
    expect(create.statusCode).toBe(403);
    const patch = await call('PATCH', `/api/reform/conditions/${provinceCondition.id}`, as.communeSpecialist, {
      status: 'abolished',
      version: provinceCondition.version,
    });
    expect(patch.statusCode).toBe(403);
    const list = (await call('GET', '/api/reform/conditions', as.communeSpecialist)).json();
    const listed = list.items.find((item: { id: string }) => item.id === provinceCondition.id);
    expect(listed).toMatchObject({ status: 'in_force', canEdit: false });

    const communeCondition = await make.buildCondition({ unit: tree.commune });
    const downwards = await call('PATCH', `/api/reform/conditions/${communeCondition.id}`, as.provinceSpecialist, {
      status: 'simplified',
      version: communeCondition.version,
    });
    expect(downwards.statusCode, downwards.body).toBe(200);
    const moveUp = await call('PATCH', `/api/reform/conditions/${communeCondition.id}`, as.communeSpecialist, {
      unitId: tree.province.id,
      version: downwards.json().version,
    });
    expect(moveUp.statusCode).toBe(403);
  });

  it('lets only the unit, the procedure-control office and administrators read a draft and its DOCX/PDF', async () => {
    const draft = await make.buildProposal({ unit: tree.departmentA, procedures: [provinceProcedure] });
    // A role over the province covers its departments, so the province's own specialist reads the draft too.
    const readers = [as.specialistA, as.provinceSpecialist, as.controller, await make.admin()];
    const outsiders = [as.specialistB, as.divisionSpecialist, as.communeSpecialist];
    const urls = ['', '/document.docx', '/document.pdf'].map((suffix) => `/api/reform/proposals/${draft.id}${suffix}`);
    for (const url of urls) {
      for (const headers of readers) expect((await call('GET', url, headers)).statusCode, url).toBe(200);
      for (const headers of outsiders) expect((await call('GET', url, headers)).statusCode, url).toBe(403);
    }
  });

  it('filters other units’ drafts out of the list, and shows them once submitted', async () => {
    const draft = await make.buildProposal({ unit: tree.departmentA, procedures: [provinceProcedure], title: 'Dự thảo của Sở A' });
    const submitted = await make.buildProposal({ unit: tree.departmentA, procedures: [provinceProcedure], status: 'submitted' });
    const ownDraft = await make.buildProposal({ unit: tree.departmentB, title: 'Dự thảo của Sở B' });
    const idsFor = async (headers: AuthHeaders, query = '') =>
      ((await call('GET', `/api/reform/proposals${query}`, headers)).json().items as { id: string }[]).map((item) => item.id);
    const seenByB = await idsFor(as.specialistB);
    expect(seenByB).not.toContain(draft.id);
    expect(seenByB).toContain(submitted.id);
    expect(seenByB).toContain(ownDraft.id);
    expect(await idsFor(as.specialistB, `?unit=${tree.departmentA.id}&status=draft`)).toEqual([]);
    expect(await idsFor(as.specialistA)).toEqual(expect.arrayContaining([draft.id, submitted.id]));
    expect(await idsFor(as.specialistA)).not.toContain(ownDraft.id);
    expect(await idsFor(as.controller)).toEqual(expect.arrayContaining([draft.id, submitted.id, ownDraft.id]));
    expect((await call('GET', `/api/reform/proposals/${submitted.id}`, as.specialistB)).statusCode).toBe(200);
  });

  it('lets the procedure controller review every unit’s figures and consolidate proposals of other units', async () => {
    const worksheetUrl = `/api/reform/procedures/${provinceProcedure.code}`;
    const view = (await call('GET', worksheetUrl, as.controller)).json();
    expect(view.canEdit).toBe(true);
    const save = await call('PUT', `${worksheetUrl}/versions/1/worksheet`, as.controller, {
      ...worksheetInput({ hours: 32 }),
      version: view.current.worksheet.version,
    });
    expect(save.statusCode, save.body).toBe(200);
    const communeCondition = await make.buildCondition({ unit: tree.commune });
    const patch = await call('PATCH', `/api/reform/conditions/${communeCondition.id}`, as.controller, {
      status: 'abolished',
      version: communeCondition.version,
    });
    expect(patch.statusCode, patch.body).toBe(200);

    const submitted = await make.buildProposal({ unit: tree.departmentA, procedures: [provinceProcedure], status: 'submitted' });
    const asSpecialist = (await call('GET', `/api/reform/proposals/${submitted.id}`, as.specialistA)).json();
    expect(asSpecialist.allowedActions).toEqual(['reopen']);
    const asController = (await call('GET', `/api/reform/proposals/${submitted.id}`, as.controller)).json();
    expect(asController.allowedActions).toEqual(['consolidate', 'reject']);
    const consolidate = await call('POST', `/api/reform/proposals/${submitted.id}/actions`, as.controller, {
      action: 'consolidate',
      version: submitted.version,
    });
    expect(consolidate.statusCode, consolidate.body).toBe(200);
    expect(consolidate.json().status).toBe('consolidated');

    // … but not the proposals of the office it sits in: a unit never consolidates its own proposal.
    const own = await make.buildProposal({ unit: tree.office, procedures: [provinceProcedure], status: 'submitted' });
    const self = await call('POST', `/api/reform/proposals/${own.id}/actions`, as.controller, {
      action: 'consolidate',
      version: own.version,
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toMatch(/Văn phòng UBND tỉnh/);
  });

  it('lets the office consolidate a central vertical agency’s proposal; its ministry, not the province, approves or rejects it', async () => {
    for (const [name, ministry] of [
      ['Thuế tỉnh', 'Bộ Tài chính'],
      // A vertical agency of a kind issuing-body.ts does not know: the message still says who decides.
      ['Cơ quan ngành dọc Kiểm Thử', 'bộ, ngành Trung ương quản lý'],
    ] as const) {
      const agency = await make.buildUnit({ parent: tree.province, type: 'vertical_agency', name });
      const submitted = await make.buildProposal({ unit: agency, procedures: [provinceProcedure], status: 'submitted' });
      const asController = (await call('GET', `/api/reform/proposals/${submitted.id}`, as.controller)).json();
      expect(asController).toMatchObject({ decidedBy: ministry, allowedActions: ['consolidate'] });
      const reject = await call('POST', `/api/reform/proposals/${submitted.id}/actions`, as.controller, {
        action: 'reject',
        version: submitted.version,
        reason: 'Không thuộc thẩm quyền.',
      });
      expect(reject.statusCode).toBe(403);
      expect(reject.json().error.message).toContain(`do ${ministry} xem xét, quyết định`);
      const consolidate = await call('POST', `/api/reform/proposals/${submitted.id}/actions`, as.controller, {
        action: 'consolidate',
        version: submitted.version,
      });
      expect(consolidate.statusCode, consolidate.body).toBe(200);
      const approve = await call('POST', `/api/reform/proposals/${submitted.id}/actions`, await make.admin(), {
        action: 'approve',
        version: consolidate.json().version,
        approvalReference: 'Quyết định số 9/QĐ-UBND',
      });
      expect(approve.statusCode).toBe(403);
      // What the province can do next is record the ministry's decision once it comes.
      expect(consolidate.json().allowedActions).toEqual(['record_central_decision']);
      const recorded = await call('POST', `/api/reform/proposals/${submitted.id}/actions`, as.controller, {
        action: 'record_central_decision',
        version: consolidate.json().version,
        centralDecision: { number: '77/QĐ-BTC', date: '2026-07-01', issuerName: ministry, outcome: 'approved' },
      });
      expect(recorded.statusCode, recorded.body).toBe(200);
      expect(recorded.json()).toMatchObject({
        status: 'approved',
        centralDecision: { number: '77/QĐ-BTC', date: '2026-07-01', issuerName: ministry, outcome: 'approved' },
      });
    }
  });
});
