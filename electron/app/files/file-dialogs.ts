import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';

/** File > Open Audit Export…: the chosen exports (or their manifests); none when cancelled. */
export async function chooseAuditFiles(owner: BrowserWindow | null): Promise<string[]> {
  const options: OpenDialogOptions = {
    title: 'Open audit export',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Audit exports (.ndjson, .ndjson.gz, .manifest.json)', extensions: ['ndjson', 'gz', 'json'] }],
  };
  const chosen = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
  return chosen.canceled ? [] : chosen.filePaths;
}

/** Why a file did not open, in a message box over the window. */
export function showFileProblem(owner: BrowserWindow | null, message: string): void {
  const options = { type: 'error' as const, title: 'Opsdeck', message };
  void (owner === null ? dialog.showMessageBox(options) : dialog.showMessageBox(owner, options));
}
