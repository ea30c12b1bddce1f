import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { sessionKey } from './auth';
import { isApiError } from './client';

/** A 401 on any call means the session ended: forget the user so guards send them to log in. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error, 401)) queryClient.setQueryData(sessionKey, null);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
