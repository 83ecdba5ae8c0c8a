import type { CliCommand } from './cli/command.ts';
import { errorReason } from './services/error-reason.ts';
import { conformanceCommand } from './cli/conformance.ts';
import { demoPlatformCommand } from './cli/demo-platform.ts';
import { exportCommand } from './cli/export.ts';
import { importCommand } from './cli/import.ts';
import { queuesCommand } from './cli/queues.ts';
import { searchCommand } from './cli/search.ts';
import { serveCommand } from './cli/serve.ts';
import { syncCommand } from './cli/sync.ts';
import { UsageError } from './cli/usage-error.ts';
import { verifyCommand } from './cli/verify.ts';

const commands: CliCommand[] = [serveCommand, syncCommand, searchCommand, importCommand, exportCommand, verifyCommand, queuesCommand, demoPlatformCommand, conformanceCommand];

function helpText(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}\n  ${''.padEnd(width)}  ${command.usage}`);
  return `Usage: opsdeck <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'opsdeck <command> --help' for one command.`;
}

/** Runs one CLI invocation and resolves to its exit status (2 for usage errors). */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  try {
    if (command === undefined) throw new UsageError(`Unknown command '${name}'.`);
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(`${command.summary}\n\nUsage: ${command.usage}`);
      return 0;
    }
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`opsdeck: ${error.message}\nRun 'opsdeck --help' for usage.`);
      return 2;
    }
    console.error(`opsdeck ${name}: ${errorReason(error)}`);
    return 1;
  }
}
