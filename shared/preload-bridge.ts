/**
 * What the preload exposes on window.opsdeck, and the IPC channels behind it: one list both the
 * preload and the main side (and the Electron smoke test) read, so none of them drifts.
 */
export const bridgeKeys = ['files', 'methods', 'onEvent'] as const;
export type BridgeKey = (typeof bridgeKeys)[number];

/** The channel of one console method. */
export const methodChannel = (method: string) => `console:${method}`;

export const bridgeChannels = {
  /** Main → renderer: every console event, as { event, payload }. */
  event: 'console:event',
  /** Paths of files the user dropped or picked, answered with tokens. */
  registerFiles: 'files:register',
  /** A native save dialog, answered with a token or null. */
  saveTarget: 'files:save-target',
} as const;
