const cr = 0x0d;
const lf = 0x0a;
const crlf = Buffer.from('\r\n');
const loneCr = Buffer.from('\r');

/**
 * NDJSON chunks with each CRLF line end as LF. A CR cannot stand unescaped inside a JSON string,
 * so one outside is whitespace, not event content: dropping it leaves the bytes the export
 * wrote (and its manifest's sha256 covers) when an editor re-saved them with CRLF.
 */
export async function* withLfLineEnds(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  /** The previous chunk ended in a CR, kept back until this one's first byte says whether an LF follows it. */
  let heldCr = false;
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (heldCr && chunk[0] !== lf) yield loneCr;
    heldCr = chunk[chunk.length - 1] === cr;
    const body = heldCr ? chunk.subarray(0, -1) : chunk;
    if (body.length > 0) yield body.includes(crlf) ? withoutCrBeforeLf(body) : body;
  }
  if (heldCr) yield loneCr;
}

function withoutCrBeforeLf(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let written = 0;
  let from = 0;
  for (let at = bytes.indexOf(crlf); at >= 0; at = bytes.indexOf(crlf, at + 2)) {
    written += bytes.copy(out, written, from, at);
    from = at + 1;
  }
  written += bytes.copy(out, written, from);
  return out.subarray(0, written);
}
