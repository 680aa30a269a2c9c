#!/usr/bin/env node
// The command-line entry point: runs the compiled CLI from dist/ (built by `npm install`).
import { existsSync } from "node:fs";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    "so-conformance: the build is missing (dist/). Run `npm install` or `npm run build` first.\n",
  );
  process.exitCode = 2;
} else {
  const { main: run } = await import(main.href);
  await run(process.argv);
}
