import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOn } from '../../renderer/src/app/readable-colors.ts';
import { readableColors, theme } from '../../renderer/src/app/theme.ts';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const { light, dark } = readableColors(resolved);

describe('readable text colours', () => {
  it('darkens a colour on a light background and lightens it on a dark one, only as far as 4.5:1 needs', () => {
    const onWhite = readableOn('#fd7e14', '#ffffff');
    expect(contrastRatio(onWhite, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(onWhite, '#ffffff')).toBeLessThan(5.2);
    const onDark = readableOn('#828282', '#424242');
    expect(contrastRatio(onDark, '#424242')).toBeGreaterThanOrEqual(4.5);
    // A colour that already reads is kept.
    expect(readableOn('#000000', '#ffffff')).toBe('#000000');
  });

  it('gives every text colour of the light theme 4.5:1 on white and on each tint', () => {
    const surfaces = ['#ffffff', ...Object.entries(resolved.colors).filter(([name]) => name !== 'dark').map(([, shades]) => shades[1])];
    for (const [variable, color] of Object.entries(light).filter(([name]) => !name.endsWith('-light-color'))) {
      for (const surface of surfaces) expect(contrastRatio(color, surface), `${variable} ${color} on ${surface}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives every text colour of the dark theme 4.5:1 on the body, cards and hovered rows', () => {
    for (const [variable, color] of Object.entries(dark).filter(([name]) => !name.endsWith('-light-color'))) {
      for (const surface of [resolved.colors.dark[7], resolved.colors.dark[6], resolved.colors.dark[5], resolved.colors.dark[4]]) {
        expect(contrastRatio(color, surface), `${variable} ${color} on ${surface}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('gives light badges and alerts 4.5:1 on their own tint in the light theme', () => {
    for (const [name, shades] of Object.entries(resolved.colors).filter(([name]) => name !== 'dark')) {
      expect(contrastRatio(light[`--mantine-color-${name}-light-color`]!, shades[1]), name).toBeGreaterThanOrEqual(4.5);
    }
  });
});
