import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { EventPayload, Job } from '../../../shared/console-api/index.ts';
import { routeOf } from '../../../shared/deep-link.ts';
import { importedSourcePath } from '../../services/audit-import/source-paths.ts';
import type { ConsoleServices } from '../../services/console-services.ts';
import { errorReason } from '../../services/error-reason.ts';
import { auditEventsFile, openedSourceName } from './audit-file-kinds.ts';

export interface AuditFileOpenerOptions {
  dataDir: string;
  services: Pick<ConsoleServices, 'handlers' | 'events' | 'files'>;
  /** Shows a route in the window (the audit view, then the imported source). */
  navigate(route: string): void;
  /** Tells the user why a file did not open (Electron: a message box). */
  fail(message: string): void;
}

/**
 * Opens an audit export the OS handed over (a double-click, "Open with Opsdeck", a command-line
 * argument): imports it as a new offline source, which the import also verifies, shows the import
 * in the audit view, and opens the source there once it is in. A failed import shows in the jobs
 * tray with its reason, as one started from the import dialog does.
 */
export function createAuditFileOpener({ dataDir, services, navigate, fail }: AuditFileOpenerOptions) {
  // Sources being imported, by file: two names may share one (`q3 2` and `q3-2`).
  const importing = new Set<string>();
  const taken = (name: string) => importing.has(importedSourcePath(dataDir, name)) || existsSync(importedSourcePath(dataDir, name));

  return async function openAuditFile(path: string): Promise<void> {
    const eventsFile = auditEventsFile(path);
    if (!existsSync(eventsFile)) {
      fail(`Opsdeck could not open ${basename(path)}: ${eventsFile === path ? 'the file is not there (moved or deleted)' : `the export it describes, ${basename(eventsFile)}, is not beside it`}.`);
      return;
    }
    let token: string;
    try {
      token = services.files.register(eventsFile).token;
    } catch (error) {
      fail(`Opsdeck could not open ${basename(path)}: ${errorReason(error)}`);
      return;
    }
    const name = openedSourceName(eventsFile, taken);
    const sourceFile = importedSourcePath(dataDir, name);
    importing.add(sourceFile);
    try {
      const { jobId } = await services.handlers['sources/import']({ files: [token], name, skipInvalid: false });
      navigate(routeOf({ kind: 'audit', q: null, source: null }));
      const job = await jobEnd(services, jobId);
      if (job.state === 'done' && job.result?.sourceId) navigate(routeOf({ kind: 'audit', q: null, source: job.result.sourceId }));
    } catch (error) {
      fail(`Opsdeck could not import ${basename(path)}: ${errorReason(error)}`);
    } finally {
      importing.delete(sourceFile);
    }
  };
}

/** The job once it is no longer running. */
function jobEnd(services: AuditFileOpenerOptions['services'], jobId: string): Promise<Job> {
  return new Promise((resolve) => {
    const check = ({ jobs }: EventPayload<'jobs/changed'>) => {
      const job = jobs.find((candidate) => candidate.id === jobId);
      if (job === undefined || job.state === 'running') return;
      stop();
      resolve(job);
    };
    const stop = services.events.subscribe((event, payload) => {
      if (event === 'jobs/changed') check(payload as EventPayload<'jobs/changed'>);
    });
    // It may have ended before we listened.
    void services.handlers['jobs/list']({}).then(check);
  });
}
