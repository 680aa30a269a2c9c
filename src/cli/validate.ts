import type { CliIo } from "./io.js";

// TODO(not built yet): the `validate` command.
export async function validateCommand(_files: string[], _options: Record<string, unknown>, io: CliIo): Promise<number> {
  io.err("so-conformance: `validate` is not built yet\n");
  return 2;
}
