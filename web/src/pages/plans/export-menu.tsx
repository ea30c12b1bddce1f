import { Button, Group, Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { staffRoles } from '../../../../src/contract/enums';
import type { PlanDetail } from '../../../../src/contract/plans';
import { useSession } from '../../api/auth';
import { progressReportUrl } from '../../api/plan-reports';
import { useUnits } from '../../api/units';
import { DateField } from '../../components/date-fields';
import { todayInVietnam } from '../../lib/format';

/** The choice of the issuer's report on the whole plan: no `unit` in the address. */
const ISSUER = 'issuer';

/**
 * The units whose report the reader may download: the issuer's (every staff member), and each lead unit of the plan
 * the reader belongs to (a staff role at the unit or below it) — every lead unit for the issuer's office and
 * administrators (`canEdit`). The reader's own lead unit comes first: the default choice.
 */
function useReportUnits(plan: PlanDetail) {
  const { data: session } = useSession();
  const units = useUnits();
  return useMemo(() => {
    const parentOf = new Map((units.data ?? []).map((unit) => [unit.id, unit.parentId]));
    const ownUnitIds = (session?.user.roles ?? [])
      .filter((held) => staffRoles.includes(held.role) && held.unitId !== null)
      .map((held) => held.unitId!);
    const isOwn = (unitId: string) =>
      ownUnitIds.some((start) => {
        for (let at: string | null | undefined = start; at; at = parentOf.get(at)) if (at === unitId) return true;
        return false;
      });
    const leads = new Map<string, string>();
    for (const task of plan.tasks) {
      for (const link of task.units)
        if (link.role === 'lead' && link.unit && link.unit.id !== plan.issuer.id) leads.set(link.unit.id, link.unit.name);
    }
    const own = [...leads].filter(([id]) => isOwn(id));
    const others = plan.canEdit ? [...leads].filter(([id]) => !isOwn(id)) : [];
    const byName = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1], 'vi');
    const options = [
      ...own.sort(byName).map(([value, label]) => ({ value, label })),
      { value: ISSUER, label: `${plan.issuer.name} (cơ quan ban hành, toàn bộ kế hoạch)` },
      ...others.sort(byName).map(([value, label]) => ({ value, label })),
    ];
    return { options, ownDefault: own.length ? own.sort(byName)[0]![0] : ISSUER, isReady: !units.isLoading };
  }, [plan, session, units.data, units.isLoading]);
}

/**
 * "Báo cáo kết quả thực hiện" of a plan for a period: DOCX, PDF (NĐ 30/2020) and XLSX downloads, issued by the plan's
 * issuer or ("Báo cáo của đơn vị") by a lead unit on the tasks it leads, to the issuer.
 */
export function ExportMenu({ plan }: { plan: PlanDetail }) {
  const today = todayInVietnam();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const { options, ownDefault } = useReportUnits(plan);
  const [chosen, setChosen] = useState<string | null>(null);
  const unit = chosen ?? ownDefault;
  const ready = !!from && !!to && from <= to;
  return (
    <Group component="section" aria-label="Báo cáo kết quả thực hiện kế hoạch" align="flex-end" wrap="wrap">
      {options.length > 1 && (
        <Select
          label="Báo cáo của đơn vị"
          data={options}
          value={unit}
          onChange={(value) => setChosen(value ?? ISSUER)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={260}
        />
      )}
      <DateField label="Báo cáo từ ngày" value={from} onChange={setFrom} required />
      <DateField label="Đến ngày" value={to} onChange={setTo} required />
      {(['docx', 'pdf', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={ready ? progressReportUrl(plan.id, format, from, to, unit === ISSUER ? null : unit) : undefined}
          variant={format === 'docx' ? 'filled' : 'light'}
          disabled={!ready}
          download
        >
          Báo cáo ({format.toUpperCase()})
        </Button>
      ))}
    </Group>
  );
}
