import { Alert, Button } from '@mantine/core';
import { vi } from '../../../i18n/vi';

/** Someone else saved first (409): say so and offer to load their version. */
export function StaleAlert({ message, onReload }: { message: string; onReload: () => void }) {
  return (
    <Alert color="orange" title={vi.common.errorTitle} role="alert">
      {message}
      <div>
        <Button mt="sm" size="xs" variant="outline" color="orange" onClick={onReload}>
          {vi.common.reload}
        </Button>
      </div>
    </Alert>
  );
}
