import { dialog } from 'electron';
import type { BrowserWindow, IpcMain } from 'electron';
import { z } from 'zod';
import { describeIssues } from '../../../shared/console-api/index.ts';
import { bridgeChannels } from '../../../shared/preload-bridge.ts';
import type { FileRegistry } from '../../services/files/file-registry.ts';
import type { SenderCheck } from '../ipc/ipc-binding.ts';

const droppedPaths = z.array(z.string().min(1).max(4_096)).min(1).max(100);
const suggestedName = z.string().min(1).max(255);

/**
 * Files between the window and the services: paths of files the user dropped or picked become
 * tokens (the renderer never names a path the services open), and an export's destination is
 * chosen in a native save dialog.
 */
export function bindFileIpc(ipcMain: Pick<IpcMain, 'handle'>, files: FileRegistry, isTrusted: SenderCheck, window: () => BrowserWindow | null) {
  ipcMain.handle(bridgeChannels.registerFiles, (event, paths: unknown) => {
    if (!isTrusted(event)) throw new Error('files:register: refused a call from a frame that is not the Opsdeck window.');
    return parsed('files:register', droppedPaths, paths).map((path) => files.register(path));
  });
  ipcMain.handle(bridgeChannels.saveTarget, async (event, name: unknown) => {
    if (!isTrusted(event)) throw new Error('files:save-target: refused a call from a frame that is not the Opsdeck window.');
    const owner = window();
    const options = { defaultPath: parsed('files:save-target', suggestedName, name), title: 'Export audit events' };
    const chosen = owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
    return chosen.canceled || chosen.filePath === undefined ? null : files.registerTarget(chosen.filePath);
  });
}

/** The input, or an error naming the channel and what is wrong with it (the renderer shows it). */
function parsed<T>(channel: string, schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`${channel}: invalid input: ${describeIssues(result.error)}`);
  return result.data;
}
