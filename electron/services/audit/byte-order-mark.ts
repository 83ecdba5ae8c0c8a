const byteOrderMark = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A file's chunks without the UTF-8 byte order mark some editors put at its start: a marker,
 * not content, which would otherwise read as part of the first line or record.
 */
export async function* withoutByteOrderMark(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let head = Buffer.alloc(0);
  let checked = false;
  for await (const chunk of chunks) {
    if (checked) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    // A first chunk shorter than the mark that could be its start waits for more bytes.
    if (head.length < byteOrderMark.length && byteOrderMark.subarray(0, head.length).equals(head)) continue;
    checked = true;
    const content = withoutLeadingByteOrderMark(head);
    if (content.length > 0) yield content;
  }
  if (!checked && head.length > 0) yield head;
}

/** The bytes without a leading UTF-8 byte order mark, which decoding them as text would drop too. */
export function withoutLeadingByteOrderMark(bytes: Buffer): Buffer {
  return bytes.subarray(0, byteOrderMark.length).equals(byteOrderMark) ? bytes.subarray(byteOrderMark.length) : bytes;
}
