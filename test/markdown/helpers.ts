import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureIo as captureAt, type CapturedIo } from "../cli/fake-io.js";

/** The checkout root, from this file's place in `test/markdown/`. */
export const ROOT = new URL("../../", import.meta.url).pathname;

/** A CliIo that records everything written, rooted at the checkout unless told otherwise. */
export function captureIo(cwd: string = ROOT): CapturedIo {
  return captureAt(cwd);
}

/** Copies `spec/` and `schemas/` into a temp folder; returns it and a cleanup. */
export function copyCheckout(): { dir: string; edit: (file: string, from: string, to: string) => void; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "ct-spec-"));
  cpSync(join(ROOT, "spec"), join(dir, "spec"), { recursive: true });
  cpSync(join(ROOT, "schemas"), join(dir, "schemas"), { recursive: true });
  return {
    dir,
    edit(file, from, to) {
      const path = join(dir, file);
      const text = readFileSync(path, "utf8");
      if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
      writeFileSync(path, text.replace(from, to));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
