import { createTheme, Drawer, Modal } from '@mantine/core';
import type { CSSVariablesResolver, MantineTheme } from '@mantine/core';
import { hardestBackground, mix, readableOn } from './readable-colors.ts';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Filled buttons and badges: shade 8 keeps white text at 4.5:1 on the cool colours, and autoContrast
  // puts black text on the light ones (teal, green, orange, yellow), whichever of the two reads better.
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.18,
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Liberation Sans", system-ui, -apple-system, "Segoe UI", sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "Liberation Mono", ui-monospace, monospace',
  components: {
    // The × in every drawer and modal header says what it does.
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

const paletteNames = (theme: MantineTheme) => Object.keys(theme.colors).filter((name) => name !== 'dark');

/** Mantine's dark-scheme tint behind light variants (alerts, light badges): shade 9 darkened by half. */
const darkTint = (shade9: string) => mix(shade9, '#000000', 0.5);

/** Text colours that reach 4.5:1 on every surface text sits on in each scheme: cards, hovered and selected rows, tinted alerts. */
export const readableColors: CSSVariablesResolver = (theme) => {
  const names = paletteNames(theme);
  const { dark, gray } = theme.colors;
  const primary = theme.colors[theme.primaryColor]!;
  const lightSurface = hardestBackground(['#ffffff', ...names.map((name) => theme.colors[name]![1])], 'light');
  const darkSurface = hardestBackground([dark[7], dark[6], dark[5], dark[4], ...names.map((name) => darkTint(theme.colors[name]![9]))], 'dark');

  const light: Record<string, string> = {
    '--mantine-color-dimmed': readableOn(gray[6], lightSurface),
    '--mantine-color-anchor': readableOn(primary[8], lightSurface),
    '--mantine-color-error': readableOn(theme.colors.red[8], lightSurface),
  };
  const darkScheme: Record<string, string> = {
    '--mantine-color-dimmed': readableOn(dark[2], darkSurface),
    '--mantine-color-anchor': readableOn(primary[4], darkSurface),
    '--mantine-color-error': readableOn(theme.colors.red[6], darkSurface),
  };
  for (const name of names) {
    const shades = theme.colors[name]!;
    const lightText = readableOn(shades[8], lightSurface);
    const darkText = readableOn(shades[4], darkSurface);
    // Outline badges and buttons draw their text in the outline colour.
    Object.assign(light, { [`--mantine-color-${name}-text`]: lightText, [`--mantine-color-${name}-outline`]: lightText });
    Object.assign(darkScheme, { [`--mantine-color-${name}-text`]: darkText, [`--mantine-color-${name}-outline`]: darkText });
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[1]);
    darkScheme[`--mantine-color-${name}-light-color`] = readableOn(shades[0], darkTint(shades[9]));
  }
  return { variables: {}, light, dark: darkScheme };
};
