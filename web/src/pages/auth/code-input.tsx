import { TextInput, type TextInputProps } from '@mantine/core';

/** A 6-digit one-time code: digits only, the phone's keypad, and the code the phone read from the message. */
export function CodeInput(props: TextInputProps) {
  return <TextInput inputMode="numeric" autoComplete="one-time-code" maxLength={6} required {...props} />;
}

export const isSixDigits = (value: string) => /^\d{6}$/.test(value.trim());
