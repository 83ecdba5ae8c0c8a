/** A source that cannot be reached now (Redis down, refused, timed out): the sync says offline and tries again later. */
export class SourceUnreachableError extends Error {}
