import type { Bieu06Figures, Bieu06View } from '../../../contract/metrics';
import type { ReportHeader } from './types';

/** Figures that balance: carried over + received = resolved + closed without a result + in progress. */
export function figures(values: {
  online: number;
  direct: number;
  carried: number;
  early: number;
  onTime: number;
  late: number;
  closed?: number;
  overdue: number;
}): Bieu06Figures {
  const received = values.online + values.direct + values.carried;
  const resolved = values.early + values.onTime + values.late;
  const closed = values.closed ?? 0;
  const inProgress = received - resolved - closed;
  return {
    received: { total: received, online: values.online, directOrPostal: values.direct, carriedOver: values.carried },
    resolved: { total: resolved, early: values.early, onTime: values.onTime, late: values.late },
    closedWithoutResult: closed,
    inProgress: { total: inProgress, withinTime: inProgress - values.overdue, overdue: values.overdue },
  };
}

function add(parts: Bieu06Figures[]): Bieu06Figures {
  const sum = (pick: (figures: Bieu06Figures) => number) => parts.reduce((total, part) => total + pick(part), 0);
  return {
    received: {
      total: sum((f) => f.received.total),
      online: sum((f) => f.received.online),
      directOrPostal: sum((f) => f.received.directOrPostal),
      carriedOver: sum((f) => f.received.carriedOver),
    },
    resolved: {
      total: sum((f) => f.resolved.total),
      early: sum((f) => f.resolved.early),
      onTime: sum((f) => f.resolved.onTime),
      late: sum((f) => f.resolved.late),
    },
    closedWithoutResult: sum((f) => f.closedWithoutResult),
    inProgress: {
      total: sum((f) => f.inProgress.total),
      withinTime: sum((f) => f.inProgress.withinTime),
      overdue: sum((f) => f.inProgress.overdue),
    },
  };
}

/** A small report: two levels, three fields, one line with a dossier closed without a result. */
export function bieu06Fixture(): Bieu06View {
  const justice = figures({ online: 12, direct: 5, carried: 3, early: 4, onTime: 7, late: 2, closed: 1, overdue: 2 });
  const land = figures({ online: 1_204, direct: 310, carried: 95, early: 600, onTime: 700, late: 41, overdue: 9 });
  const household = figures({ online: 40, direct: 22, carried: 6, early: 30, onTime: 20, late: 1, overdue: 0 });
  return {
    unit: { id: '00000000-0000-4000-8000-000000000001', code: '000.00.00.H01', name: 'UBND tỉnh An Giang' },
    from: '2025-12-21',
    to: '2026-03-20',
    levels: [
      {
        level: 'province',
        levelLabel: 'Cấp tỉnh',
        totals: add([justice, land]),
        fields: [
          { field: 'Hộ tịch', figures: justice },
          { field: 'Đất đai', figures: land },
        ],
      },
      { level: 'commune', levelLabel: 'Cấp xã', totals: household, fields: [{ field: 'Chứng thực', figures: household }] },
    ],
    totals: add([justice, land, household]),
  };
}

export const reportHeaderFixture: ReportHeader = {
  issuer: { parent: null, name: 'ỦY BAN NHÂN DÂN\nTỈNH AN GIANG' },
  reportingUnit: 'UBND tỉnh An Giang',
  receivingUnit: 'Văn phòng Chính phủ',
};
