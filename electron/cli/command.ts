export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the exit status; long-running commands resolve when they stop. */
  run(argv: string[]): Promise<number>;
}
