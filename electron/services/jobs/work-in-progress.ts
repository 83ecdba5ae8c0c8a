/**
 * Work a restart would cut short, by label: the jobs report theirs, and calls wrapped by `track`
 * (queue actions) count while they run.
 */
export function createWorkInProgress(runningJobs: () => string[]) {
  const calls = new Map<symbol, string>();
  return {
    track<I, O>(label: string, run: (input: I) => Promise<O>): (input: I) => Promise<O> {
      return async (input) => {
        const key = Symbol(label);
        calls.set(key, label);
        try {
          return await run(input);
        } finally {
          calls.delete(key);
        }
      };
    },
    labels: (): string[] => [...runningJobs(), ...calls.values()],
  };
}
