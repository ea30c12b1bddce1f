import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { progressReportUrl } from '../../api/plan-reports';
import { DateField } from '../../components/date-fields';
import { todayInVietnam } from '../../lib/format';

/** "Báo cáo kết quả thực hiện" of a plan for a period: DOCX, PDF (NĐ 30/2020) and XLSX downloads. */
export function ExportMenu({ planId }: { planId: string }) {
  const today = todayInVietnam();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const ready = !!from && !!to && from <= to;
  return (
    <Group component="section" aria-label="Báo cáo kết quả thực hiện kế hoạch" align="flex-end" wrap="wrap">
      <DateField label="Báo cáo từ ngày" value={from} onChange={setFrom} required />
      <DateField label="Đến ngày" value={to} onChange={setTo} required />
      {(['docx', 'pdf', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={ready ? progressReportUrl(planId, format, from, to) : undefined}
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
