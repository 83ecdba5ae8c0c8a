import { describe, expect, it } from 'vitest';
import { visibleBounds } from '../../electron/app/window/visible-bounds.ts';
import { windowSize } from '../../electron/app/window/window-size.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: -200, width: 2560, height: 1400 };
const monitorLeft = { x: -1920, y: 0, width: 1920, height: 1040 };
const monitorAbove = { x: 0, y: -1080, width: 1920, height: 1080 };

describe('where the window reopens: its remembered place, on a display that is still there', () => {
  it('keeps a window that fits where it was, on any display, also left of or above the primary one', () => {
    const onRight = { x: 1600, y: 0, width: 1400, height: 900 };
    expect(visibleBounds(onRight, [laptop, monitorRight], laptop, windowSize)).toEqual(onRight);
    const onLeft = { x: -1800, y: 40, width: 1200, height: 800 };
    expect(visibleBounds(onLeft, [laptop, monitorLeft], laptop, windowSize)).toEqual(onLeft);
    const above = { x: 100, y: -1000, width: 1000, height: 700 };
    expect(visibleBounds(above, [laptop, monitorAbove], laptop, windowSize)).toEqual(above);
  });

  it('centres it on the primary display when its monitor is gone', () => {
    const onGoneMonitor = { x: 2000, y: 100, width: 1400, height: 900 };
    expect(visibleBounds(onGoneMonitor, [laptop], laptop, windowSize)).toEqual({ x: 20, y: 0, width: 1400, height: 875 });
  });

  it('pulls a window that hangs over an edge back inside the display that shows most of it', () => {
    const hanging = { x: 1000, y: 500, width: 1200, height: 800 };
    expect(visibleBounds(hanging, [laptop], laptop, windowSize)).toEqual({ x: 240, y: 75, width: 1200, height: 800 });
    const astride = { x: 3300, y: 100, width: 1400, height: 900 };
    expect(visibleBounds(astride, [laptop, monitorRight], laptop, windowSize)).toEqual({ x: 2600, y: 100, width: 1400, height: 900 });
  });

  it('does not keep a window of which only a sliver is visible: it could not be grabbed', () => {
    const sliver = { x: 1400, y: 100, width: 1200, height: 800 };
    expect(visibleBounds(sliver, [laptop], laptop, windowSize)).toEqual({ x: 120, y: 38, width: 1200, height: 800 });
  });

  it('shrinks a window larger than its display (the resolution went down), but never below the minimum on a display that has room', () => {
    const big = { x: 0, y: 0, width: 2400, height: 1300 };
    expect(visibleBounds(big, [laptop], laptop, windowSize)).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
    const tiny = { x: 10, y: 10, width: 300, height: 200 };
    expect(visibleBounds(tiny, [laptop], laptop, windowSize)).toEqual({ x: 10, y: 10, width: windowSize.min.width, height: windowSize.min.height });
    const smallScreen = { x: 0, y: 0, width: 800, height: 560 };
    expect(visibleBounds(tiny, [smallScreen], smallScreen, windowSize)).toEqual({ x: 0, y: 0, width: 800, height: 560 });
  });

  it('opens at the preferred size, centred, when nothing was saved', () => {
    expect(visibleBounds(null, [monitorRight, laptop], monitorRight, windowSize)).toEqual({ x: 1440 + 580, y: -200 + 250, width: 1400, height: 900 });
  });
});
