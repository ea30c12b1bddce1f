import { Alert, Button, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { OnlineLevel } from '../../../../src/contract/enums';
import { hasRole, useSession } from '../../api/auth';
import { vi } from '../../i18n/vi';

const m = vi.dossiers.online;

/**
 * On the public procedure page: "Nộp hồ sơ trực tuyến" for a signed-in citizen or business when the procedure is
 * offered online; a sign-in prompt for a visitor; nothing for staff (they receive at the desk).
 */
export function OnlineApplySection({ code, onlineLevel }: { code: string; onlineLevel: OnlineLevel }) {
  const { data: session, isPending } = useSession();
  if (onlineLevel === 'none' || isPending) return null;
  const user = session?.user;
  const applyPath = `/thu-tuc/${encodeURIComponent(code)}/nop-truc-tuyen`;
  if (user && !hasRole(user, 'citizen', 'business')) return null;
  if (!user) {
    return (
      <Alert color="blue" variant="light" title={m.apply}>
        <Text size="sm">{m.signInToApply}</Text>
        <Button component={Link} to={`/dang-nhap?next=${encodeURIComponent(applyPath)}`} mt="sm" size="sm" variant="light">
          {m.signIn}
        </Button>
      </Alert>
    );
  }
  return (
    <div>
      <Button component={Link} to={applyPath} leftSection={<IconSend size={16} aria-hidden />}>
        {m.apply}
      </Button>
    </div>
  );
}
