import { DateInput, type DateInputProps, DateTimePicker, type DateTimePickerProps } from '@mantine/dates';
import { vi } from '../i18n/vi';

/** Forms keep dates as text: "" when empty (what `emptyToNull` expects), never null. */
type TextValue = { value?: string | null; onChange?: (value: string) => void };

/**
 * A day, typed or picked, shown as dd/mm/yyyy (theme.ts); the form holds "YYYY-MM-DD". An optional day can be
 * cleared by emptying the field or with its clear button.
 */
export function DateField({ value, onChange, required, ...props }: Omit<DateInputProps, 'value' | 'onChange'> & TextValue) {
  return (
    <DateInput
      {...props}
      required={required}
      clearable={!required}
      clearButtonProps={{ 'aria-label': vi.common.dates.clear }}
      value={value || null}
      onChange={(next) => onChange?.(next ?? '')}
    />
  );
}

/** A day and a time, shown as dd/mm/yyyy HH:mm; the form holds "YYYY-MM-DD HH:mm:ss" (Vietnam time). */
export function DateTimeField({ value, onChange, required, ...props }: Omit<DateTimePickerProps, 'value' | 'onChange'> & TextValue) {
  // The field is a button, which the CSS required mark (styles.css) does not see: Mantine's own mark stands in.
  return (
    <DateTimePicker
      {...props}
      required={required}
      withAsterisk={required}
      value={value || null}
      onChange={(next) => onChange?.(next ?? '')}
    />
  );
}
