import {
  Autocomplete,
  createTheme,
  DEFAULT_THEME,
  darken,
  luminance,
  type MantineColorsTuple,
  Modal,
  MultiSelect,
  NativeSelect,
  Notification,
  NumberInput,
  PasswordInput,
  Select,
  TableScrollContainer,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, DatePickerInput, DateTimePicker, TimePicker } from '@mantine/dates';
import { vi } from './i18n/vi';
import { DATE_FORMAT, DATE_TIME_FORMAT, parseVietnameseDate } from './lib/format';

// Deep "cờ đỏ" red; shade 7 on white text gives a contrast ratio above 7:1.
const nationalRed: MantineColorsTuple = [
  '#fdeced',
  '#f8d5d6',
  '#efa9ab',
  '#e57b7e',
  '#dc5558',
  '#d63c40',
  '#c8262b',
  '#a61f23',
  '#8c1a1d',
  '#6f1417',
];

function contrastRatio(foreground: string, background: string): number {
  const [lighter, darker] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Darkens `color` in small steps (same hue) until it reaches `ratio` against `background`. */
function darkenUntil(color: string, background: string, ratio: number): string {
  let result = color;
  for (let step = 0; step < 40 && contrastRatio(result, background) < ratio; step += 1) result = darken(result, 0.04);
  return result;
}

/** WCAG AA asks 4.5:1 for normal text; a little above it, so that rounding never fails a check. */
const TEXT_CONTRAST = 4.7;

/**
 * Mantine's palettes with their dark end darkened for text: white on shade 7 (filled buttons and badges, the primary
 * shade), shade 8 on shade 1 and shade 9 on shade 2 (light badges, alerts, calendar days) all reach 4.5:1. Mantine's
 * own green 9 on green 1 is 3.8:1, orange 9 on orange 1 3.6:1.
 */
function readablePalette(colors: MantineColorsTuple): MantineColorsTuple {
  const shade7 = darkenUntil(colors[7], '#ffffff', TEXT_CONTRAST);
  const shade8 = darkenUntil(colors[8], colors[1], TEXT_CONTRAST);
  const shade9 = darkenUntil(colors[9], colors[2], TEXT_CONTRAST);
  return [colors[0], colors[1], colors[2], colors[3], colors[4], colors[5], colors[6], shade7, shade8, shade9];
}

const PALETTES_USED_FOR_TEXT = [
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'grape',
  'cyan',
  'lime',
  'indigo',
  'violet',
  'pink',
] as const;
const readableColors = Object.fromEntries(PALETTES_USED_FOR_TEXT.map((name) => [name, readablePalette(DEFAULT_THEME.colors[name])]));

const fontStack = "'Be Vietnam Pro', 'Segoe UI', 'Noto Sans', Roboto, 'Helvetica Neue', Arial, system-ui, sans-serif";

const withoutAsterisk = { defaultProps: { withAsterisk: false } };

const calendarLabels = {
  nextMonth: vi.common.dates.nextMonth,
  previousMonth: vi.common.dates.previousMonth,
  nextYear: vi.common.dates.nextYear,
  previousYear: vi.common.dates.previousYear,
  nextDecade: vi.common.dates.nextDecade,
  previousDecade: vi.common.dates.previousDecade,
  monthLevelControl: vi.common.dates.monthLevel,
  yearLevelControl: vi.common.dates.yearLevel,
};
/** Hours from 00 to 23 whatever the browser's language (a native time input shows "01:30 PM" in English browsers). */
const timeFieldSettings = {
  format: '24h' as const,
  hoursInputLabel: vi.common.dates.hours,
  minutesInputLabel: vi.common.dates.minutes,
  secondsInputLabel: vi.common.dates.seconds,
};
const namedCloseButton = { defaultProps: { closeButtonProps: { 'aria-label': vi.common.close } } };

export const theme = createTheme({
  primaryColor: 'nationalRed',
  primaryShade: 7,
  colors: { ...readableColors, nationalRed: readablePalette(nationalRed) },
  fontFamily: fontStack,
  headings: { fontFamily: fontStack, fontWeight: '700' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  // Close buttons are icons: give them a name. The required mark is drawn by CSS (styles.css) so that it stays out of each field's label text.
  components: {
    Modal: Modal.extend(namedCloseButton),
    Notification: Notification.extend(namedCloseButton),
    Autocomplete: Autocomplete.extend(withoutAsterisk),
    MultiSelect: MultiSelect.extend(withoutAsterisk),
    NativeSelect: NativeSelect.extend(withoutAsterisk),
    NumberInput: NumberInput.extend(withoutAsterisk),
    PasswordInput: PasswordInput.extend({
      defaultProps: { withAsterisk: false, visibilityToggleButtonProps: { 'aria-label': vi.common.togglePassword } },
    }),
    Select: Select.extend(withoutAsterisk),
    Textarea: Textarea.extend(withoutAsterisk),
    TextInput: TextInput.extend(withoutAsterisk),
    // A table wider than the screen scrolls sideways: keyboard users reach the hidden columns by focusing it.
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } }),
    // Dates read dd/mm/yyyy and times 24-hour everywhere (the locale itself is set by DatesProvider in main.tsx).
    DateInput: DateInput.extend({
      defaultProps: {
        withAsterisk: false,
        valueFormat: DATE_FORMAT,
        dateParser: parseVietnameseDate,
        placeholder: vi.common.dates.datePlaceholder,
        ariaLabels: calendarLabels,
      },
    }),
    DatePickerInput: DatePickerInput.extend({
      defaultProps: {
        withAsterisk: false,
        valueFormat: DATE_FORMAT,
        placeholder: vi.common.dates.datePlaceholder,
        ariaLabels: calendarLabels,
      },
    }),
    DateTimePicker: DateTimePicker.extend({
      defaultProps: {
        withAsterisk: false,
        valueFormat: DATE_TIME_FORMAT,
        placeholder: vi.common.dates.dateTimePlaceholder,
        ariaLabels: calendarLabels,
        timePickerProps: timeFieldSettings,
        submitButtonProps: { 'aria-label': vi.common.dates.done },
      },
    }),
    TimePicker: TimePicker.extend({ defaultProps: { withAsterisk: false, ...timeFieldSettings } }),
  },
});
