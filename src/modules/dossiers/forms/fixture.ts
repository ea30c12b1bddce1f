import { type DossierView, dossierViewSchema } from '../../../contract/dossiers';
import type { FormHeader } from './types';

/** Test fixtures: a dossier received at a commune's desk on Thursday 3 December 2026 at 08:30, with its whole trail. */
const unit = (id: string, code: string, name: string) => ({ id, code, name });
const desk = unit('u-desk', '000.00.21.H01', 'Bộ phận Một cửa UBND xã Mỹ Hòa Hưng');
const commune = unit('u-commune', '000.00.20.H01', 'UBND xã Mỹ Hòa Hưng');

type Event = DossierView['events'][number];
let nextEventId = 1;
function event(occurredAt: string, action: string, fields: Partial<Event>): Event {
  return {
    id: nextEventId++,
    occurredAt,
    actorName: 'Trần Thị Bình',
    actorUnitName: desk.name,
    action,
    fromStatus: 'processing',
    toStatus: 'processing',
    stepNo: null,
    toStepNo: null,
    toUserName: null,
    toUnitName: null,
    stepTiming: null,
    comment: null,
    data: {},
    ...fields,
  };
}

const step = (stepNo: number, name: string, role: DossierView['steps'][number]['role'], assignee: string | null) => ({
  stepNo,
  name,
  role,
  unit: stepNo === 1 ? desk : commune,
  assignee: assignee ? { id: `p-${stepNo}`, fullName: assignee } : null,
  budget: { amount: 4, unit: 'working_hours' as const },
  status: 'done' as const,
  startedAt: '2026-12-03T01:30:00.000Z',
  dueAt: '2026-12-03T05:30:00.000Z',
  completedAt: '2026-12-03T03:00:00.000Z',
  timing: 'early' as const,
});

export function buildDossierViewFixture(overrides: Partial<DossierView> = {}): DossierView {
  nextEventId = 1;
  const view: DossierView = {
    id: '7f0c8a4e-5a3b-4c61-9a57-2b1d3f4e5a60',
    code: '000.00.21.H01-261203-0007',
    status: 'returned',
    procedure: { code: '1.001193', versionNo: 1, name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'commune' },
    handlingUnit: commune,
    receivingUnit: desk,
    channel: 'direct',
    source: 'desk',
    applicant: {
      kind: 'individual',
      fullName: 'Nguyễn Văn Đức',
      idNumber: '089123456789',
      address: 'Ấp Mỹ Hòa, xã Mỹ Hòa Hưng, tỉnh An Giang',
      phone: '0912345678',
      email: 'duc.nguyen@example.vn',
      representative: {
        fullName: 'Lê Thị Hoa',
        idNumber: '089987654321',
        phone: null,
        authorisation: 'Giấy ủy quyền số 12/UQ ngày 01/12/2026',
      },
    },
    requestSummary: 'Đăng ký khai sinh cho con: Nguyễn Minh Khôi',
    time: { amount: 1, unit: 'working_days' },
    statutoryTime: { amount: 3, unit: 'working_days' },
    submittedAt: '2026-12-03T01:30:00.000Z',
    receivedAt: '2026-12-03T01:30:00.000Z',
    dueAt: '2026-12-04T10:30:00.000Z',
    appointmentDueAt: '2026-12-04T10:30:00.000Z',
    resolvedAt: '2026-12-04T08:00:00.000Z',
    returnedAt: '2026-12-04T09:15:00.000Z',
    closedAt: '2026-12-04T09:15:00.000Z',
    pausedWorkingMinutes: 0,
    remainingWorkingMinutes: null,
    timing: 'early',
    isOverdue: false,
    hasApology: false,
    currentStepNo: null,
    resultNumber: '125/TLKS',
    resultIsElectronic: false,
    returnMethod: 'desk',
    portalSyncState: 'sent',
    steps: [
      step(1, 'Tiếp nhận hồ sơ', 'desk_officer', 'Trần Thị Bình'),
      step(2, 'Thẩm định hồ sơ', 'specialist', 'Phạm Quốc Cường'),
      step(3, 'Ký duyệt kết quả', 'unit_leader', 'Võ Thanh Hải'),
    ],
    components: [
      {
        position: 0,
        name: 'Tờ khai đăng ký khai sinh',
        isRequired: true,
        presence: 'paper',
        isDigitised: true,
        reusedFrom: null,
        originals: 1,
        copies: 0,
      },
      {
        position: 1,
        name: 'Giấy chứng sinh',
        isRequired: true,
        presence: 'file',
        isDigitised: true,
        reusedFrom: null,
        originals: 1,
        copies: 0,
      },
      {
        position: 2,
        name: 'Giấy chứng nhận kết hôn của cha mẹ',
        isRequired: false,
        presence: 'reused',
        isDigitised: true,
        reusedFrom: '000.00.21.H01-250601-0002',
        originals: 0,
        copies: 1,
      },
    ],
    files: [],
    consultations: [],
    pauses: [],
    events: [
      event('2026-12-03T01:30:00.000Z', 'receive', {
        fromStatus: null,
        stepNo: 1,
        toStepNo: 2,
        toUnitName: commune.name,
        stepTiming: 'early',
        data: { decision: 'accept' },
      }),
      event('2026-12-03T03:00:00.000Z', 'assign', {
        actorName: 'Võ Thanh Hải',
        actorUnitName: commune.name,
        stepNo: 2,
        toStepNo: 2,
        toUserName: 'Phạm Quốc Cường',
        toUnitName: commune.name,
      }),
      event('2026-12-04T02:00:00.000Z', 'submit_for_review', {
        actorName: 'Phạm Quốc Cường',
        actorUnitName: commune.name,
        stepNo: 2,
        toStepNo: 3,
        stepTiming: 'on_time',
        comment: 'Hồ sơ hợp lệ, trình ký',
      }),
      event('2026-12-04T08:00:00.000Z', 'issue_result', {
        actorName: 'Võ Thanh Hải',
        actorUnitName: commune.name,
        toStatus: 'result_ready',
        stepNo: 3,
        toStepNo: null,
        toUnitName: desk.name,
        stepTiming: 'late',
      }),
      event('2026-12-04T09:15:00.000Z', 'return_result', { fromStatus: 'result_ready', toStatus: 'returned', data: { method: 'desk' } }),
    ],
    allowedActions: [],
    version: 6,
    ...overrides,
  };
  return dossierViewSchema.parse(view);
}

export const formHeaderFixture: FormHeader = {
  issuer: { parent: null, name: 'ỦY BAN NHÂN DÂN\nXÃ MỸ HÒA HƯNG', shortName: 'Ủy ban nhân dân xã Mỹ Hòa Hưng' },
  place: 'An Giang',
  statusUrl: 'https://dichvucong.angiang.gov.vn/tra-cuu-ho-so?ma=000.00.21.H01-261203-0007',
};
