import {
  applicantTypeLabels,
  channelLabels,
  dayKindLabels,
  decisionFormLabels,
  decisionTypeLabels,
  feeKindLabels,
  holidayGroupLabels,
  internalGroupLabels,
  levelLabels,
  onlineLevelLabels,
  procedureListFlagLabels,
  processRoleLabels,
  recordPartLabels,
  roleLabels,
  timeUnitLabels,
  timeUnitWords,
  unitTypeLabels,
  versionStatusLabels,
} from '../../../../src/contract/labels';

/** Vietnamese names of the values the API uses as codes: the server's own (src/contract/labels.ts). */
export const labels = {
  roles: roleLabels,
  levels: levelLabels,
  onlineLevels: onlineLevelLabels,
  /** Used after a number: "10 ngày làm việc". */
  timeUnits: timeUnitWords,
  /** Used as a choice in forms. */
  timeUnitOptions: timeUnitLabels,
  channels: channelLabels,
  feeKinds: feeKindLabels,
  decisionTypes: decisionTypeLabels,
  decisionForms: decisionFormLabels,
  procedureListFlags: procedureListFlagLabels,
  recordParts: recordPartLabels,
  versionStatuses: versionStatusLabels,
  unitTypes: unitTypeLabels,
  dayKinds: dayKindLabels,
  internalGroups: internalGroupLabels,
  applicantTypes: applicantTypeLabels,
  processRoles: processRoleLabels,
  holidayGroups: holidayGroupLabels,
};
