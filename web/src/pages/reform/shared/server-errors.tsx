import { Alert, List } from '@mantine/core';
import { useState } from 'react';
import { type ApiErrorDetail, isApiError } from '../../../api/client';
import { vi } from '../../../i18n/vi';

/** What the server refused, kept so that the form can list it next to its buttons. */
export function useServerErrors() {
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);
  const report = (error: unknown) => setDetails(isApiError(error) ? error.details : []);
  return { details, report, clear: () => setDetails([]) };
}

/** Each reason the server gave, in words: not every path names a field of the form. */
export function ServerErrors({ details }: { details: ApiErrorDetail[] }) {
  if (details.length === 0) return null;
  return (
    <Alert color="red" title={vi.adminProcedures.serverErrors} role="alert">
      <List size="sm">
        {details.map((detail, index) => (
          <List.Item key={`${detail.path}-${index}`}>{detail.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
