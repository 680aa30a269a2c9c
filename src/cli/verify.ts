import type { CliIo } from "./io.js";

// TODO(not built yet): the `verify` command.
export async function verifyCommand(_report: string, _options: Record<string, unknown>, io: CliIo): Promise<number> {
  io.err("so-conformance: `verify` is not built yet\n");
  return 2;
}
