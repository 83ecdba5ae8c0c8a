import type { z } from 'zod';
import { appEvents, appMethods } from './app.ts';
import { diagnosticsMethods } from './diagnostics.ts';
import { auditMethods } from './audit.ts';
import { profilesEvents, profilesMethods } from './profiles.ts';
import { queuesEvents, queuesMethods } from './queues.ts';
import { homeMethods } from './home.ts';
import { tenantsMethods } from './tenants.ts';
import { billingMethods } from './billing.ts';
import { connectorsMethods } from './connectors.ts';
import { paletteMethods } from './palette.ts';
import { jobsEvents, jobsMethods } from './jobs.ts';
import { searchesEvents, searchesMethods } from './searches.ts';
import { sourcesEvents, sourcesMethods } from './sources.ts';
import { settingsEvents, settingsMethods } from './settings.ts';
import { syncEvents, syncMethods } from './sync.ts';
import { supportAccessEvents, supportAccessMethods } from './support-access.ts';
import { updaterEvents, updaterMethods } from './updater.ts';
import { hostKind } from './method.ts';
import type { HostKind, MethodSpec } from './method.ts';

export * from './app.ts';
export * from './diagnostics.ts';
export * from './settings.ts';
export * from './profiles.ts';
export * from './sync.ts';
export * from './audit.ts';
export * from './queues.ts';
export * from './home.ts';
export * from './tenants.ts';
export * from './billing.ts';
export * from './connectors.ts';
export * from './palette.ts';
export * from './searches.ts';
export * from './sources.ts';
export * from './jobs.ts';
export * from './support-access.ts';
export * from './updater.ts';
export * from './result.ts';
export * from './describe-issues.ts';
export { desktopOnly, hostKind } from './method.ts';
export type { HostKind, MethodSpec, MethodTable } from './method.ts';

/** The console API: every method the renderer may call, by name. Each domain adds its map. */
export const consoleMethods = {
  ...appMethods,
  ...diagnosticsMethods,
  ...settingsMethods,
  ...profilesMethods,
  ...syncMethods,
  ...auditMethods,
  ...queuesMethods,
  ...homeMethods,
  ...tenantsMethods,
  ...billingMethods,
  ...connectorsMethods,
  ...paletteMethods,
  ...searchesMethods,
  ...sourcesMethods,
  ...jobsMethods,
  ...supportAccessMethods,
  ...updaterMethods,
};

/** Everything the main side pushes to the renderer. */
export const consoleEvents = {
  ...appEvents,
  ...settingsEvents,
  ...profilesEvents,
  ...syncEvents,
  ...queuesEvents,
  ...searchesEvents,
  ...sourcesEvents,
  ...jobsEvents,
  ...supportAccessEvents,
  ...updaterEvents,
};

export type ConsoleMethod = keyof typeof consoleMethods;
export type MethodInput<M extends ConsoleMethod> = z.input<(typeof consoleMethods)[M]['input']>;
export type MethodOutput<M extends ConsoleMethod> = z.output<(typeof consoleMethods)[M]['output']>;

export type ConsoleEvent = keyof typeof consoleEvents;
export type EventPayload<E extends ConsoleEvent> = z.output<(typeof consoleEvents)[E]>;

type MethodHandler<M extends ConsoleMethod> = (input: z.output<(typeof consoleMethods)[M]['input']>) => Promise<MethodOutput<M>>;

/** Methods whose spec names the hosts that serve them, and those hosts. */
type HostsOf<M extends ConsoleMethod> = (typeof consoleMethods)[M] extends { hosts: readonly (infer H)[] } ? H : never;
export type HostSpecificMethod = { [M in ConsoleMethod]: [HostsOf<M>] extends [never] ? never : M }[ConsoleMethod];

/** What the host-agnostic services implement: one async function per method every host serves. */
export type ConsoleHandlers = { [M in Exclude<ConsoleMethod, HostSpecificMethod>]: MethodHandler<M> };

/** What one host adds: a function per method only some hosts serve, it among them (the updater for Electron). */
export type HostHandlers<H extends HostKind> = { [M in HostSpecificMethod as H extends HostsOf<M> ? M : never]: MethodHandler<M> };

/** What a host dispatches: the shared handlers, and its own host-specific ones. */
export type DispatchHandlers = ConsoleHandlers & { [M in HostSpecificMethod]?: MethodHandler<M> };

/** What the renderer calls: the same shape, taking the unparsed input type. */
export type ConsoleApi = {
  [M in ConsoleMethod]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

export const consoleMethodNames = Object.keys(consoleMethods) as ConsoleMethod[];
export const consoleEventNames = Object.keys(consoleEvents) as ConsoleEvent[];

export function isConsoleMethod(name: string): name is ConsoleMethod {
  return Object.hasOwn(consoleMethods, name);
}

/** The hosts that serve a method. */
export function hostsOf(method: ConsoleMethod): readonly HostKind[] {
  return (consoleMethods[method] as MethodSpec).hosts ?? hostKind.options;
}

export function isConsoleEvent(name: string): name is ConsoleEvent {
  return Object.hasOwn(consoleEvents, name);
}
