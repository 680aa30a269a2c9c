import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { findRepoRoot } from "../../src/markdown/index.js";
import { readCompleteReports, TEST_CREDENTIALS } from "../cli/report-files.js";
import { makeScratch } from "./run-cli.js";
import { answer, JSON_TYPE, startHostileServer, type HostileServer } from "./servers.js";

const root = findRepoRoot();
const bin = join(root, "bin", "so-conformance.js");
const compiled = join(root, "dist", "src", "cli", "main.js");

/** Answers every request 404 after `delayMs`, so a run is still going when it is signalled. */
function slowly(delayMs: number) {
  const notFound = answer(404, { "content-type": JSON_TYPE }, '{"Error":true}');
  return (...args: Parameters<typeof notFound>) =>
    void setTimeout(() => notFound(...args), delayMs);
}

/** Spawns the built CLI; resolves the exit code and both streams once it has exited. */
function spawnRun(args: string[], cwd: string, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [bin, "run", ...args], {
    cwd,
    env: { ...process.env, ...TEST_CREDENTIALS, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let signalled = false;
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    // Note: the first progress line proves the run is under way; signal once, then wait.
    if (!signalled && /^\[1\/\d+\] /m.test(stderr)) {
      signalled = true;
      child.kill(signal);
    }
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string; signalled: boolean }>(
    (resolve) => child.on("close", (code) => resolve({ code, stdout, stderr, signalled })));
}

const unbuilt = existsSync(compiled) ? "" : " (skipped: npm run build first)";

describe(`hostile: SIGINT and SIGTERM mid-run${unbuilt}`,
  function () {
    this.timeout(40_000);
    let dir: string;
    let server: HostileServer;

    before(async function () {
      if (!existsSync(compiled)) return this.skip();
      dir = makeScratch("signals");
      server = await startHostileServer(slowly(100));
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      it(`${signal} after the first progress line: exit 2, complete reports`, async () => {
        const out = join(dir, signal);
        const args = ["--target", server.root, "--ticket", "1", "--out", out];
        const run = await spawnRun(args, dir, signal);
        expect(run.signalled, run.stderr).to.equal(true);
        expect(run.code).to.equal(2);
        expect(run.stderr).to.match(
          new RegExp(`^so-conformance: the run was interrupted: interrupted by ${signal}$`, "m"));
        expect(run.stderr).not.to.match(/\n\s+at /);
        expect(run.stdout).to.include("COULD NOT JUDGE (exit 2)");

        const record = readCompleteReports(out);
        const reason = `interrupted by ${signal}`;
        expect(record.status).to.deep.equal({ state: "interrupted", reason });
        expect(record.exitCode).to.equal(2);
        const judged = record.requirements.filter((verdict) => verdict.reason !== "interrupted"
          && !verdict.reason?.startsWith("not judged"));
        expect(judged.length, "what ran before the signal is kept").to.be.greaterThan(0);
        expect(record.requirements.some((verdict) => verdict.verdict === "error")).to.equal(true);
      });
    }
  });
