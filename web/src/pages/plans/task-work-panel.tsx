import { Button, Modal, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlanTaskView } from '../../../../src/contract/plans';
import { ResponsiblePeople } from './responsible-picker';
import { TaskComments } from './task-comments';
import { TaskDeadlines } from './task-deadlines';
import { TaskReportForm, TaskReportList } from './task-report-form';

/**
 * "Chi tiết" of a task: its deadlines (and the day of the event one counts from, for those who record it), its progress reports (and the report form for a lead unit), the person responsible in each
 * unit, and the comment thread. `isIssuerOffice`: the plan's `canEdit` (the issuer's office assigns too).
 */
export function TaskWorkButton({ task, isIssuerOffice = false }: { task: PlanTaskView; isIssuerOffice?: boolean }) {
  const [opened, setOpened] = useState(false);
  const [reporting, setReporting] = useState(false);
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)} aria-label={`Chi tiết nhiệm vụ ${task.ref}`}>
        Chi tiết
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Nhiệm vụ ${task.ref}. ${task.title}`} size="xl">
        <Stack gap="lg">
          <section aria-label="Thời hạn">
            <Title order={3} size="h5" mb="xs">
              Thời hạn
            </Title>
            <TaskDeadlines task={task} />
          </section>
          <section aria-label="Người phụ trách">
            <Title order={3} size="h5" mb="xs">
              Người phụ trách
            </Title>
            <ResponsiblePeople task={task} isIssuerOffice={isIssuerOffice} />
          </section>
          <section aria-label="Báo cáo tiến độ">
            <Title order={3} size="h5" mb="xs">
              Báo cáo tiến độ
            </Title>
            {reporting ? (
              <TaskReportForm task={task} onDone={() => setReporting(false)} />
            ) : (
              <Stack gap="sm">
                {task.canReport && (
                  <Button size="xs" w="fit-content" onClick={() => setReporting(true)}>
                    Báo cáo tiến độ
                  </Button>
                )}
                <TaskReportList task={task} />
              </Stack>
            )}
          </section>
          <section aria-label="Ý kiến của các đơn vị">
            <Title order={3} size="h5" mb="xs">
              Ý kiến của các đơn vị
            </Title>
            <TaskComments taskId={task.id} />
          </section>
        </Stack>
      </Modal>
    </>
  );
}
