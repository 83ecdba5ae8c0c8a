/** A value sent with the buffers it owns moved, not copied, to the other thread. */
export class Transferring<T> {
  constructor(
    readonly value: T,
    readonly transfer: readonly ArrayBuffer[],
  ) {}
}

export function transferring<T>(value: T, transfer: readonly ArrayBuffer[]): Transferring<T> {
  return new Transferring(value, transfer);
}

export function unwrapTransfer<T>(value: T | Transferring<T>): { value: T; transfer: ArrayBuffer[] } {
  return value instanceof Transferring ? { value: value.value, transfer: [...value.transfer] } : { value, transfer: [] };
}
