import type { CliIo } from "./io.js";

// TODO(not built yet): the `run` command.
export async function runCommand(_options: Record<string, unknown>, io: CliIo): Promise<number> {
  io.err("so-conformance: `run` is not built yet\n");
  return 2;
}
