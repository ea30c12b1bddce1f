import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

const fontStack =
  "'Be Vietnam Pro', 'Segoe UI', 'Noto Sans', Roboto, 'Helvetica Neue', Arial, system-ui, sans-serif";

export const theme = createTheme({
  primaryColor: 'nationalRed',
  primaryShade: 7,
  colors: { nationalRed },
  fontFamily: fontStack,
  headings: { fontFamily: fontStack, fontWeight: '700' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
});
