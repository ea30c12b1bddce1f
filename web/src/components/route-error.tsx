import { Container } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorAlert } from './query-state';

/** Shown when a page fails to render or its code cannot be loaded. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <ErrorAlert error={error} onRetry={() => window.location.reload()} />
    </Container>
  );
}
