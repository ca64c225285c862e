import { Badge, Drawer, Modal, createTheme, type CSSVariablesResolver } from '@mantine/core';
import badgeClasses from './Badge.module.css';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8: white text on the filled buttons reaches WCAG AA contrast (shade 6, Mantine's default, does not).
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'Arial, "Liberation Sans", Helvetica, sans-serif',
  defaultRadius: 'sm',
  components: {
    // A status is read, not guessed: Mantine's badge cuts long labels short ("SIGNED 1 DE…"), so ours wrap.
    Badge: Badge.extend({ classNames: badgeClasses }),
    // Mantine's close button is an icon with no name: screen readers would announce only "button".
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } }),
  },
});

/**
 * Contrast to WCAG AA (4.5:1) where Mantine's defaults fall short, as measured with axe in the browser
 * harness: its "dimmed" grey (gray.6) and its error red (red.6, 3.3:1) on white; the text of light badges
 * and alerts on their pale backgrounds (yellow 2.7:1, orange 3.7:1, green 3.9:1); and the indigo of the
 * active navigation link on its hover background (4.1:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // 4.7:1: the file picker shows its "Choose image" prompt as text, not as an input's placeholder.
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-yellow-light-color': '#7c4300',
    '--mantine-color-orange-light-color': '#a33b0b',
    '--mantine-color-green-light-color': '#22672f',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-indigo-light-color': '#2b3990',
  },
  dark: {},
});
