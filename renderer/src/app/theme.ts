import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: 'Arial, "Liberation Sans", Helvetica, sans-serif',
  defaultRadius: 'sm',
});
