import { Center, Pagination } from '@mantine/core';
import { vi } from '../i18n/vi';

interface PagerProps {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
}

export function Pager({ page, total, pageSize, onChange }: PagerProps) {
  const pageCount = Math.ceil(total / pageSize);
  if (pageCount <= 1) return null;
  const m = vi.common.pagination;
  return (
    <Center component="nav" aria-label={m.label} mt="lg">
      <Pagination
        total={pageCount}
        value={page}
        onChange={onChange}
        getItemProps={(item) => ({ 'aria-label': m.page(item) })}
        getControlProps={(control) =>
          control === 'previous' ? { 'aria-label': m.previous } : control === 'next' ? { 'aria-label': m.next } : {}
        }
      />
    </Center>
  );
}
