import { Checkbox, FileInput, MultiSelect, NativeSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { DossierAction } from '../../../../../src/contract/enums';
import { returnMethods } from '../../../../../src/contract/enums';
import { type DossierView, useDossierAssignees } from '../../../api/dossiers';
import { DateField } from '../../../components/date-fields';
import { UnitSelect } from '../../../components/unit-select';
import { vi } from '../../../i18n/vi';

const m = vi.dossiers.action;

/** Every field any action may ask for; each action's form shows its own and the body takes only those. */
export type ActionValues = {
  comment: string;
  reason: string;
  items: string;
  positions: string[];
  toUnitCode: string;
  assigneeId: string;
  consultUnitCode: string;
  consultAgencyName: string;
  consultQuestion: string;
  consultDueDate: string;
  consultationId: string;
  reply: string;
  resultNumber: string;
  resultFiles: File[];
  isElectronic: boolean;
  method: string;
  newDueDate: string;
};

export const emptyActionValues: ActionValues = {
  comment: '',
  reason: '',
  items: '',
  positions: [],
  toUnitCode: '',
  assigneeId: '',
  consultUnitCode: '',
  consultAgencyName: '',
  consultQuestion: '',
  consultDueDate: '',
  consultationId: '',
  reply: '',
  resultNumber: '',
  resultFiles: [],
  isElectronic: false,
  method: 'desk',
  newDueDate: '',
};

/** Only a dossier filed online whose result is electronic has its result returned online (docs/api/dossiers.md). */
export function returnsOnline(dossier: Pick<DossierView, 'channel' | 'resultIsElectronic'>): boolean {
  return dossier.channel === 'online' && dossier.resultIsElectronic;
}

/** Actions whose reason is required (the contract's `reason` field). */
export const REASON_ACTIONS: DossierAction[] = ['request_supplement', 'refuse', 'apologize', 'stop'];

type Form = UseFormReturnType<ActionValues>;

function AssigneeField({ form, dossierId }: { form: Form; dossierId: string }) {
  const assignees = useDossierAssignees(dossierId, true);
  const data = (assignees.data ?? []).map((user) => ({
    value: user.id,
    label: user.unitName ? `${user.fullName} — ${user.unitName}` : user.fullName,
  }));
  return (
    <Select
      label={m.assignee}
      required
      searchable
      data={data}
      nothingFoundMessage={m.noAssignees}
      error={assignees.isError ? vi.common.unknownError : undefined}
      {...form.getInputProps('assigneeId')}
    />
  );
}

/** A unit of the province, searched by name; the body names it by its code (the dossier API's). */
function UnitCodeField({
  form,
  field,
  label,
  placeholder,
}: {
  form: Form;
  field: 'toUnitCode' | 'consultUnitCode';
  label: string;
  placeholder?: string;
}) {
  const { error } = form.getInputProps(field);
  return (
    <UnitSelect
      valueBy="code"
      label={label}
      placeholder={placeholder}
      clearable
      value={form.values[field] || null}
      onChange={(code) => form.setFieldValue(field, code ?? '')}
      error={error}
    />
  );
}

export function ActionFields({ action, form, dossier }: { action: DossierAction; form: Form; dossier: DossierView }) {
  const input = form.getInputProps;
  const componentOptions = dossier.components.map((component) => ({
    value: String(component.position),
    label: `${component.position + 1}. ${component.name}`,
  }));
  const openConsultations = dossier.consultations.filter((consultation) => consultation.repliedAt === null);
  return (
    <Stack gap="sm">
      {action === 'assign' && <AssigneeField form={form} dossierId={dossier.id} />}
      {action === 'transfer' && <UnitCodeField form={form} field="toUnitCode" label={m.toUnitCode} placeholder={m.keepUnit} />}
      {REASON_ACTIONS.includes(action) && <Textarea label={m.reason} required autosize minRows={2} {...input('reason')} />}
      {action === 'request_supplement' && (
        <>
          <MultiSelect label={m.supplementPositions} data={componentOptions} {...input('positions')} />
          <Textarea label={m.supplementItems} autosize minRows={2} {...input('items')} />
        </>
      )}
      {action === 'consult' && (
        <>
          <UnitCodeField form={form} field="consultUnitCode" label={m.consultUnit} />
          <TextInput label={m.consultAgency} {...input('consultAgencyName')} />
          <Textarea label={m.consultQuestion} required autosize minRows={2} {...input('consultQuestion')} />
          <DateField label={m.consultDue} required {...input('consultDueDate')} />
        </>
      )}
      {action === 'consult_reply' && (
        <>
          <NativeSelect
            label={m.consultation}
            required
            data={[
              { value: '', label: '' },
              ...openConsultations.map((item) => ({ value: item.id, label: `${item.unit?.name ?? item.agencyName}: ${item.question}` })),
            ]}
            {...input('consultationId')}
          />
          <Textarea label={m.reply} required autosize minRows={3} {...input('reply')} />
        </>
      )}
      {action === 'issue_result' && (
        <>
          <TextInput label={m.resultNumber} {...input('resultNumber')} />
          <FileInput label={m.resultFiles} multiple accept="application/pdf,image/jpeg,image/png" clearable {...input('resultFiles')} />
          <Checkbox label={m.isElectronic} {...input('isElectronic', { type: 'checkbox' })} />
        </>
      )}
      {action === 'return_result' && (
        <NativeSelect
          label={m.returnMethod}
          data={returnMethods
            .filter((value) => value !== 'online' || returnsOnline(dossier))
            .map((value) => ({ value, label: vi.dossiers.labels.returnMethods[value] }))}
          {...input('method')}
        />
      )}
      {action === 'apologize' && <DateField label={m.newDueDate} required {...input('newDueDate')} />}
      {action !== 'consult_reply' && (
        <Textarea label={m.comment} required={action === 'send_back'} autosize minRows={2} {...input('comment')} />
      )}
    </Stack>
  );
}
