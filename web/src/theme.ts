import {
  Autocomplete,
  createTheme,
  type MantineColorsTuple,
  Modal,
  MultiSelect,
  NativeSelect,
  Notification,
  NumberInput,
  PasswordInput,
  Select,
  Textarea,
  TextInput,
} from '@mantine/core';
import { vi } from './i18n/vi';

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

const fontStack = "'Be Vietnam Pro', 'Segoe UI', 'Noto Sans', Roboto, 'Helvetica Neue', Arial, system-ui, sans-serif";

const withoutAsterisk = { defaultProps: { withAsterisk: false } };
const namedCloseButton = { defaultProps: { closeButtonProps: { 'aria-label': vi.common.close } } };

export const theme = createTheme({
  primaryColor: 'nationalRed',
  primaryShade: 7,
  colors: { nationalRed },
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
    PasswordInput: PasswordInput.extend(withoutAsterisk),
    Select: Select.extend(withoutAsterisk),
    Textarea: Textarea.extend(withoutAsterisk),
    TextInput: TextInput.extend(withoutAsterisk),
  },
});
