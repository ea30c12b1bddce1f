import {
  applicantTypeLabels,
  channelLabels,
  dayKindLabels,
  decisionTypeLabels,
  delegationKindLabels,
  feeKindLabels,
  holidayGroupLabels,
  internalGroupLabels,
  levelLabels,
  onlineLevelLabels,
  processRoleLabels,
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
  versionStatuses: versionStatusLabels,
  unitTypes: unitTypeLabels,
  dayKinds: dayKindLabels,
  internalGroups: internalGroupLabels,
  applicantTypes: applicantTypeLabels,
  delegationKinds: delegationKindLabels,
  processRoles: processRoleLabels,
  holidayGroups: holidayGroupLabels,
};
