import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Debian's headless browser; CI installs it, the browser tests skip without it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether a headless Chromium is installed where the tests look for it. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Runs headless Chromium on a local file with extra flags, in a fresh profile; resolves stdout. */
export async function runChromium(file: string, flags: string[]): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), "ct-chromium-"));
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${profile}`,
    ...flags,
    pathToFileURL(file).href,
  ];
  try {
    return await new Promise((resolve, reject) => {
      const limits = { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 };
      execFile(CHROMIUM, args, limits, (error, stdout, stderr) =>
        error ? reject(new Error(`chromium failed: ${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
