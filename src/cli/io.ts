/** The console as the CLI sees it; commands write only through this, so tests can capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (colour and live progress only then). */
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
    env: process.env,
    cwd: process.cwd(),
  };
}
