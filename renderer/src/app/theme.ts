import { Badge, createTheme } from '@mantine/core';
import badgeClasses from './Badge.module.css';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: 'Arial, "Liberation Sans", Helvetica, sans-serif',
  defaultRadius: 'sm',
  components: {
    // A status is read, not guessed: Mantine's badge cuts long labels short ("SIGNED 1 DE…"), so ours wrap.
    Badge: Badge.extend({ classNames: badgeClasses }),
  },
});
