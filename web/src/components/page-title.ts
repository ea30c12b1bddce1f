import { useDocumentTitle } from '@mantine/hooks';
import { vi } from '../i18n/vi';

export function usePageTitle(title: string): void {
  useDocumentTitle(title ? `${title}${vi.common.titleSuffix}` : vi.common.appName);
}
