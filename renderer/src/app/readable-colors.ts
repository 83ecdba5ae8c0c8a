// WCAG AA asks 4.5:1 for text. Several of Mantine's stock text colours miss it (dimmed grey, orange
// and yellow on white, light-badge text on its tint), so the theme derives each one from its usual
// shade, moved towards black (light theme) or white (dark theme) just far enough.

/** A little above 4.5, so that rounding in a browser's colour maths never drops a colour below it. */
const TEXT_CONTRAST = 4.6;
const STEP = 0.04;

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** `hex` moved `amount` (0..1) of the way towards `target`. */
export function mix(hex: string, target: string, amount: number): string {
  const from = parseHex(hex);
  const to = parseHex(target);
  return toHex(from.map((channel, index) => channel + (to[index]! - channel) * amount) as Rgb);
}

/** The colour nearest `color` that reads as text on `background`: darkened on a light background, lightened on a dark one. */
export function readableOn(color: string, background: string): string {
  const towards = luminance(background) > 0.18 ? '#000000' : '#ffffff';
  for (let amount = 0; amount < 1; amount += STEP) {
    const candidate = mix(color, towards, amount);
    if (contrastRatio(candidate, background) >= TEXT_CONTRAST) return candidate;
  }
  return towards;
}

/** Of several backgrounds, the one text contrasts least with: the darkest of light ones, the lightest of dark ones. */
export function hardestBackground(backgrounds: string[], scheme: 'light' | 'dark'): string {
  const sorted = [...backgrounds].sort((a, b) => luminance(a) - luminance(b));
  return (scheme === 'light' ? sorted[0] : sorted.at(-1))!;
}
