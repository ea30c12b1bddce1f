/** What other modules and the composition root (http/, main, demo) may use of accounts and sessions (docs/adr/0002-module-walls.md). */
export { type Actor, type ActorRole, hasRole, hasRoleOver, isStaff, staffRoles } from './actor';
export { createAdministrator, hasActiveAdministrator } from './operator-service';
export { DEMO_MARKER_KEY, hashPassword, isDemoInstallation } from './password';
export { sweepAbandonedRegistrations } from './registration-sweep';
export {
  findStaffContacts,
  findStaffEmails,
  findStaffInSubtree,
  findUserContact,
  findUserEmail,
  findUserNames,
  findUsersWithRoleNear,
  loadActor,
  type UserContact,
} from './repo';
export { findSession, type SessionView } from './session-service';
