import { notifications } from '@mantine/notifications';
import { errorMessage, isApiError } from '../api/client';
import { vi } from '../i18n/vi';

/**
 * Server paths are relative to the request body (`procedure.fees.0.amountVnd`); schema checks prefix
 * them with `body.`. Forms mirror the body, so a path names the form field.
 */
export function toFormPath(path: string): string {
  return path.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/** Field errors a refused request carries (422, or 409 for a duplicate code), keyed by form path. */
function serverFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.details.map((detail) => [toFormPath(detail.path), detail.message]));
}

export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', title: vi.common.errorTitle, message: errorMessage(error) });
}

/** The form did not pass its own checks: say so, then take keyboard users to the first marked field. */
export function reportInvalidForm(): void {
  notifications.show({ color: 'red', title: vi.common.validationTitle, message: vi.common.fixErrors });
  setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}

interface ErrorSettable {
  setErrors: (errors: Record<string, string>) => void;
}

/** Shows the server's message and marks the fields it names. */
export function reportMutationError(form: ErrorSettable, error: unknown): void {
  const fieldErrors = serverFieldErrors(error);
  if (Object.keys(fieldErrors).length > 0) form.setErrors(fieldErrors);
  notifyError(error);
}

/** Empty text inputs are sent as null. */
export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
