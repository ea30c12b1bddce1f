import { Button, type ButtonProps, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { vi } from '../../../i18n/vi';
import { StaleAlert } from './stale-alert';

/**
 * The end of a reform form or confirmation: what went wrong, the stale-version alert (someone saved first: reloading
 * loads their version and closes the form), then Cancel and the main button — a submit button, or `onConfirm` for a
 * confirmation without a form.
 */
export function FormFooter({
  errors,
  isStale,
  staleMessage,
  onReload,
  onDone,
  isPending,
  label = vi.common.save,
  buttonProps,
  onConfirm,
}: {
  /** Shown above the alert (e.g. the server's error list). */
  errors?: ReactNode;
  isStale: boolean;
  staleMessage: string;
  onReload: () => void;
  onDone: () => void;
  isPending: boolean;
  label?: string;
  buttonProps?: ButtonProps;
  onConfirm?: () => void;
}) {
  return (
    <>
      {errors}
      {isStale && (
        <StaleAlert
          message={staleMessage}
          onReload={() => {
            onReload();
            onDone();
          }}
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {vi.common.cancel}
        </Button>
        {onConfirm ? (
          <Button loading={isPending} onClick={onConfirm} {...buttonProps}>
            {label}
          </Button>
        ) : (
          <Button type="submit" loading={isPending} {...buttonProps}>
            {label}
          </Button>
        )}
      </Group>
    </>
  );
}
