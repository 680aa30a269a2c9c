import type { CliIo } from "./io.js";

// TODO(not built yet): the `serve` command.
export async function serveCommand(_options: Record<string, unknown>, io: CliIo): Promise<number> {
  io.err("so-conformance: `serve` is not built yet\n");
  return 2;
}
