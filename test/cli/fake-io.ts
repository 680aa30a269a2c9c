import type { CliIo } from "../../src/cli/io.js";

/** A console that keeps what the CLI writes, for assertions. */
export interface CapturedIo extends CliIo {
  stdout(): string;
  stderr(): string;
}

/** An io rooted at `cwd`, no terminal, with the given environment. */
export function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}): CapturedIo {
  let out = "";
  let err = "";
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    isTTY: false,
    env,
    cwd,
    stdout: () => out,
    stderr: () => err,
  };
}
