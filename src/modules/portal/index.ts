/**
 * The portal module's public API (docs/adr/0002-module-walls.md): whose portal it is and how to reach the
 * public-service centre (docs/api/portal.md).
 */
export { DEFAULT_PORTAL_SETTINGS, loadPortalView, PORTAL_SETTINGS_KEY } from './service';
