import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/** A 6-digit one-time code: digits only, the phone's keypad, and the code the phone read from the message. */
export function CodeInput(props: TextInputProps) {
  return <TextInput inputMode="numeric" autoComplete="one-time-code" maxLength={6} required {...props} />;
}

export const isSixDigits = (value: string) => /^\d{6}$/.test(value.trim());

export type CodeFromLink = { token: string; code: string };

/**
 * The token and code a message's link carries (`?token=…&ma=…`, docs/api/auth.md): read once, then taken out of the
 * address bar so that they stay neither in the history nor on screen. The person still presses the button: the
 * code's limits (tries, expiry) are the server's, as for a code typed in.
 */
export function useCodeFromLink(): CodeFromLink | null {
  const [params, setParams] = useSearchParams();
  const [link] = useState<CodeFromLink | null>(() => {
    const token = params.get('token') ?? '';
    const code = params.get('ma') ?? '';
    return /^[\w-]{20,200}$/.test(token) && isSixDigits(code) ? { token, code } : null;
  });
  useEffect(() => {
    if (params.has('token') || params.has('ma')) setParams({}, { replace: true });
  }, [params, setParams]);
  return link;
}
