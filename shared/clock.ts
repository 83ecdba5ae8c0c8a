/**
 * The current time in epoch milliseconds. Code that decides by the time (sync windows, backfills,
 * prunes, the demo platform's history) reads it from a Clock it was handed, so a test can set it.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
