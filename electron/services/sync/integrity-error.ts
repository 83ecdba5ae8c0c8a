/** The audit chain does not hold: sync stops loudly, keeping everything cached before it. */
export class IntegrityError extends Error {
  override name = 'IntegrityError';
  constructor(
    readonly seq: number,
    readonly id: string,
    readonly problem: string,
  ) {
    super(`Integrity: audit event seq ${seq} (${id}) ${problem}. Sync stopped; everything cached before it is kept.`);
  }
}
