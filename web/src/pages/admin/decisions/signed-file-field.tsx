import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { uploadSignedDecisionFile } from '../../../api/decisions';
import { vi } from '../../../i18n/vi';

const m = vi.adminDecisions.signedFile;

export type SignedFileDraft = { fileId: string; name: string };

/**
 * The signed decision, uploaded at once (the server takes a PDF only, by its content) and named by its id when the
 * decision is entered. Optional: it can be attached to the decision afterwards.
 */
export function SignedFileField({ value, onChange }: { value: SignedFileDraft | null; onChange: (file: SignedFileDraft | null) => void }) {
  const [isUploading, setIsUploading] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setIsUploading(true);
    try {
      const stored = await uploadSignedDecisionFile(file);
      onChange({ fileId: stored.id, name: stored.name });
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setIsUploading(false);
    }
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {m.label}
      </Text>
      <Text size="sm">{value ? m.attached(value.name) : m.none}</Text>
      <Group gap="xs">
        <FileButton onChange={upload} accept=".pdf,application/pdf">
          {(props) => (
            <Button {...props} variant="light" size="xs" loading={isUploading} leftSection={<IconFileTypePdf size={16} aria-hidden />}>
              {value ? m.replace : m.upload}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button variant="subtle" color="red" size="xs" onClick={() => onChange(null)}>
            {m.remove}
          </Button>
        )}
      </Group>
      <Text size="xs" c="gray.7">
        {m.hint}
      </Text>
    </Stack>
  );
}
