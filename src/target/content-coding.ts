import { promisify } from "node:util";
import zlib from "node:zlib";

/** What undoing a body's `Content-Encoding` came to. */
export type DecodedBody =
  | { kind: "decoded"; body: Buffer }
  /** The decoded body would pass the cap; decoding stopped there, nothing past it was kept. */
  | { kind: "too-large" }
  /** The body is not what its label says, or the label names a coding this suite cannot undo. */
  | { kind: "undecodable"; reason: string };

type Decoder = (input: Buffer, options: zlib.ZlibOptions & zlib.BrotliOptions) => Promise<Buffer>;

const gunzip = promisify(zlib.gunzip) as Decoder;
const inflate = promisify(zlib.inflate) as Decoder;
const inflateRaw = promisify(zlib.inflateRaw) as Decoder;
const brotli = promisify(zlib.brotliDecompress) as Decoder;

/**
 * `deflate` means a zlib stream (RFC 9110 §8.4.1.2), but some servers send bare deflate data
 * under that name; a zlib header that fails to parse gets a second try as bare data.
 */
const inflateEither: Decoder = (input, options) =>
  inflate(input, options).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "Z_DATA_ERROR") throw error;
    return inflateRaw(input, options).catch(() => Promise.reject(error));
  });

/** The codings this suite undoes, by their registered (lower-case) names. */
const DECODERS: Record<string, Decoder> = {
  "gzip": gunzip,
  "x-gzip": gunzip,
  "deflate": inflateEither,
  "br": brotli,
};

/** Options that let a body cut at the size cap decode as far as it goes. */
const PARTIAL_INPUT = {
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
} satisfies zlib.ZlibOptions;
const PARTIAL_BROTLI_INPUT = {
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
} satisfies zlib.BrotliOptions;

/** The codings a `Content-Encoding` value lists, in the order they were applied. */
export function codingsOf(label: string | undefined): string[] {
  return (label ?? "").split(",").map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
}

/** Whether zlib refused to produce more than `maxOutputLength` bytes. */
const passedCap = (error: NodeJS.ErrnoException) =>
  error instanceof RangeError && error.code === "ERR_BUFFER_TOO_LARGE";

/**
 * Undoes the codings a `Content-Encoding` value lists, last applied first, never producing
 * more than `maxBytes` at any step (zlib's `maxOutputLength`), so a small compressed body
 * cannot balloon in memory. `partial` says the input was cut at the cap: it then decodes as
 * far as the bytes at hand allow.
 */
export async function decodeBody(
  raw: Buffer,
  label: string | undefined,
  maxBytes: number,
  partial = false,
): Promise<DecodedBody> {
  const codings = codingsOf(label);
  const unknown = codings.filter((coding) => !(coding in DECODERS));
  if (unknown.length > 0) {
    return { kind: "undecodable", reason: `the body is labelled Content-Encoding: ${label}, ` +
      `and this suite cannot decode ${unknown.join(", ")} (it knows ` +
      `${Object.keys(DECODERS).join(", ")} and identity)` };
  }
  let body = raw;
  for (const coding of codings.reverse()) {
    const decode = DECODERS[coding] as Decoder;
    const flush = partial ? (coding === "br" ? PARTIAL_BROTLI_INPUT : PARTIAL_INPUT) : {};
    try {
      body = await decode(body, { maxOutputLength: maxBytes, ...flush });
    } catch (error) {
      if (passedCap(error as NodeJS.ErrnoException)) return { kind: "too-large" };
      return { kind: "undecodable", reason: `the body is labelled Content-Encoding: ${label} ` +
        `but does not decode as ${coding} (${(error as Error).message})` };
    }
  }
  return { kind: "decoded", body };
}
