import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // Darker shades keep text on the primary colour above 4.5:1 contrast.
  primaryShade: 8,
  defaultRadius: 'sm',
});
