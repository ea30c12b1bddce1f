import { Textarea, type TextareaProps } from '@mantine/core';
import { vi } from '../../../i18n/vi';
import { hintBelowInput } from './field-group';

interface LimitedTextareaProps extends Omit<TextareaProps, 'maxLength' | 'description'> {
  /** The server's limit, imported from src/contract (never repeated here). */
  maxLength: number;
  value?: string;
}

/**
 * A text area that stops at the server's limit and says, under the field, how many characters are left: a pasted
 * text longer than the limit is cut by the browser where the person can see it, rather than refused on saving.
 */
export function LimitedTextarea({ maxLength, value = '', ...props }: LimitedTextareaProps) {
  return (
    <Textarea
      autosize
      minRows={2}
      {...props}
      {...hintBelowInput}
      value={value}
      maxLength={maxLength}
      description={vi.common.charactersLeft(maxLength - value.length, maxLength)}
    />
  );
}
