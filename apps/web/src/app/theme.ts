import { type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // The darkest shades, and text chosen for its contrast, keep every filled colour above 4.5:1 (WCAG AA).
  primaryShade: 9,
  autoContrast: true,
  defaultRadius: 'sm',
});

/**
 * Mantine's dimmed grey (descriptions, captions) and its error red fall below 4.5:1 on white; the
 * darker shades do not.
 */
export const cssVariables: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7] ?? '#495057',
    '--mantine-color-error': resolved.colors.red[9] ?? '#c92a2a',
  },
  dark: {},
});
