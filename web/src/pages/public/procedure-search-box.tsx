import { Button, Group, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { vi } from '../../i18n/vi';

/** The home page's big search box; sends the visitor to the procedure list. */
export function ProcedureSearchBox() {
  const [query, setQuery] = useState('');
  const navigate = useNavigate();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    void navigate(q ? `/thu-tuc?q=${encodeURIComponent(q)}` : '/thu-tuc');
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader; a form with role="search" is
    <form role="search" onSubmit={handleSubmit}>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          type="search"
          size="lg"
          flex={1}
          label={vi.home.searchLabel}
          placeholder={vi.home.searchPlaceholder}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          leftSection={<IconSearch aria-hidden />}
          styles={{ label: { color: 'white', marginBottom: 6 } }}
        />
        <Button type="submit" size="lg" color="yellow.4" c="dark.9">
          {vi.home.searchButton}
        </Button>
      </Group>
    </form>
  );
}
