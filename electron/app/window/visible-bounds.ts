export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A remembered window stays where it was only if this much of it is on one display: enough to grab and move it. */
const minOnScreen: Size = { width: 120, height: 60 };

/**
 * Where to open the window: where it was (`saved`), moved and shrunk as little as needed to lie
 * wholly inside one display's work area; centred on the primary display when it was on a display
 * that is gone, or barely on any, or when nothing was saved. Sizes never go below `min` unless the
 * display itself is smaller.
 */
export function visibleBounds(saved: Rect | null, workAreas: readonly Rect[], primary: Rect, size: { preferred: Size; min: Size }): Rect {
  const home = saved === null ? null : displayHolding(saved, workAreas);
  const area = home ?? primary;
  const width = Math.min(Math.max(saved?.width ?? size.preferred.width, size.min.width), area.width);
  const height = Math.min(Math.max(saved?.height ?? size.preferred.height, size.min.height), area.height);
  if (home === null || saved === null) {
    return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
  }
  return { x: clamp(saved.x, area.x, area.x + area.width - width), y: clamp(saved.y, area.y, area.y + area.height - height), width, height };
}

/** The work area showing most of the window, if it shows enough of it. */
function displayHolding(window: Rect, workAreas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersection(window, area);
    if (overlap.width < minOnScreen.width || overlap.height < minOnScreen.height) continue;
    if (overlap.width * overlap.height > bestArea) {
      best = area;
      bestArea = overlap.width * overlap.height;
    }
  }
  return best;
}

function intersection(a: Rect, b: Rect): Size {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
