/** Feeds `items` to `flush` in arrays of at most `size`, so each batch can be one transaction. */
export function inBatches<T>(items: Iterable<T>, size: number, flush: (batch: T[]) => void): void {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) flush(batch);
}
