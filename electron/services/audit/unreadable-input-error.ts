/** The input could not be read at all (missing file, broken gzip, invalid manifest or key): exit status 2. */
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
}
