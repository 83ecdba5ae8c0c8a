import { screen } from 'electron';
import type { BrowserWindow } from 'electron';
import { visibleBounds } from './visible-bounds.ts';
import type { Rect } from './visible-bounds.ts';
import { readWindowPlacement, writeWindowPlacement } from './window-placement-file.ts';
import { windowSize } from './window-size.ts';

/** Where the window opens: its remembered place, on a display that is still there. */
export function restoredPlacement(dataDir: string): { bounds: Rect; maximized: boolean } {
  const saved = readWindowPlacement(dataDir);
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = visibleBounds(saved, workAreas, screen.getPrimaryDisplay().workArea, windowSize);
  return { bounds, maximized: saved?.maximized ?? false };
}

/** Saves the window's place as it closes: its normal bounds, so a maximized window restores to its size before. */
export function rememberPlacement(window: BrowserWindow, dataDir: string, warn: (message: string) => void = console.warn): void {
  window.on('close', () => {
    try {
      const { x, y, width, height } = window.getNormalBounds();
      writeWindowPlacement(dataDir, { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized: window.isMaximized() });
    } catch (error) {
      warn(`Could not save the window's size and position: ${(error as Error).message}`);
    }
  });
}
