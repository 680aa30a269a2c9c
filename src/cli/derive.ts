import type { CliIo } from "./io.js";

// TODO(not built yet): the `derive` command.
export async function deriveCommand(_options: Record<string, unknown>, io: CliIo): Promise<number> {
  io.err("so-conformance: `derive` is not built yet\n");
  return 2;
}
