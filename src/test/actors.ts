/** The actor of a user as a request would load it, for tests that call services directly (test support may reach internals). */
export { loadActor } from '../modules/auth/repo';
