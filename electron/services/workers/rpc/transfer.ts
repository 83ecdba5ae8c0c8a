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

/**
 * The buffer a view can move to another thread without a copy: only one it spans whole. A view
 * of part of a buffer may share it (Node's pool of small Buffers does), and moving it would
 * empty the others.
 */
export function wholeBufferOf(view: ArrayBufferView): ArrayBuffer[] {
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
  return whole && view.buffer instanceof ArrayBuffer ? [view.buffer] : [];
}
