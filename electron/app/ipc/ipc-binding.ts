import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { consoleMethodNames, failure } from '../../../shared/console-api/index.ts';
import type { ConsoleResult } from '../../../shared/console-api/index.ts';
import { methodChannel } from '../../../shared/preload-bridge.ts';
import type { Dispatch } from '../../services/dispatch.ts';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * One `ipcMain.handle` per console method. Each refuses a sender that is not our window's
 * main frame on our origin, then lets the dispatcher parse the payload with the schema.
 */
export function bindConsoleApi(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch, isTrusted: SenderCheck) {
  for (const method of consoleMethodNames) {
    ipcMain.handle(methodChannel(method), async (event, input: unknown): Promise<ConsoleResult> => {
      if (!isTrusted(event)) return failure('forbidden', `${method}: refused a call from a frame that is not the Opsdeck window.`);
      return dispatch(method, input);
    });
  }
  return () => {
    for (const method of consoleMethodNames) ipcMain.removeHandler(methodChannel(method));
  };
}
