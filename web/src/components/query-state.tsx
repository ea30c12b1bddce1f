import { Alert, Button, Center, Loader, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '../api/client';
import { vi } from '../i18n/vi';

interface QueryLike {
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** What to show while data is loading, or why it could not be loaded. */
export function QueryState({ query }: { query: QueryLike }) {
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <PageLoader />;
}

export function PageLoader() {
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden />
      <VisuallyHidden>{vi.common.loading}</VisuallyHidden>
    </Center>
  );
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" variant="light" title={vi.common.errorTitle} icon={<IconAlertTriangle aria-hidden />} role="alert">
      {errorMessage(error)}
      {onRetry && (
        <div>
          <Button mt="sm" size="xs" variant="outline" color="red" c="red.9" onClick={onRetry}>
            {vi.common.retry}
          </Button>
        </div>
      )}
    </Alert>
  );
}
