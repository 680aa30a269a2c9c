import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { REQUIREMENTS } from "../../src/checks/requirements.js";
import { findRepoRoot } from "../../src/markdown/index.js";
import { readCompleteReports, TEST_CREDENTIALS } from "./report-files.js";

const root = findRepoRoot();
const bin = join(root, "bin", "so-conformance.js");

/** Why the spawned runs cannot go yet, or undefined when the compiled pieces are in place. */
function missingPieces(): string | undefined {
  const compiled = ["dist/src/cli/main.js", "dist/src/target/index.js", "dist/src/run/engine.js"];
  for (const file of compiled) {
    const path = join(root, file);
    if (!existsSync(path)) return `${file} is missing: run \`npm run build\` first`;
    if (readFileSync(path, "utf8").includes("is not built yet")) return `${file} is still a stub`;
  }
  return undefined;
}

interface RunningCli {
  stderr(): string;
  stdout(): string;
  /** Resolves once stderr holds a line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  exit: Promise<number | null>;
}

function spawnRun(args: string[], cwd: string): RunningCli {
  const child = spawn(process.execPath, [bin, "run", ...args], {
    cwd,
    env: { ...process.env, ...TEST_CREDENTIALS, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const waiters: Array<() => void> = [];
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
    waiters.forEach((wake) => wake());
  });
  const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return {
    stderr: () => err,
    stdout: () => out,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => pattern.test(err) && resolve();
        waiters.push(check);
        check();
        void exit.then(() => reject(new Error(`the run ended before ${pattern}:\n${err}`)));
      }),
    kill: (signal) => child.kill(signal),
    exit,
  };
}

/** A server that answers every request 404 after a pause, so that a run is still going. */
async function startSlowServer(delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => {
    setTimeout(() => {
      response.writeHead(404, { "content-type": "application/json; charset=utf-8" });
      response.end('{"Error":true,"ErrorType":"NotFound","Message":"no such ticket"}');
    }, delayMs);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on: bound, read, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const waiting = missingPieces();

const title = `cli: so-conformance run as a process${waiting ? ` (skipped: ${waiting})` : ""}`;

describe(title, function () {
  this.timeout(120_000);
  let dir: string;

  before(function () {
    if (waiting) this.skip();
    dir = mkdtempSync(join(tmpdir(), "ct-process-"));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("SIGINT after the first progress line: exit 2, complete reports, the rest error", async () => {
    const server = await startSlowServer(150);
    try {
      const out = join(dir, "interrupted");
      const run = spawnRun(["--target", `${server.url}/api`, "--ticket", "1", "--out", out], dir);
      await run.waitFor(/^\[1\/\d+\] \S+ \w+/m);
      run.kill("SIGINT");
      expect(await run.exit).to.equal(2);

      const record = readCompleteReports(out);
      expect(record.status.state).to.equal("interrupted");
      expect(record.status.reason).to.include("SIGINT");
      expect(record.exitCode).to.equal(2);
      const ids = record.requirements.map((verdict) => verdict.id);
      expect(ids).to.include.members(REQUIREMENTS.map((requirement) => requirement.id));
      expect(record.requirements.some((verdict) => verdict.verdict === "error")).to.equal(true);
      const [, firstId, firstVerdict] = /^\[1\/\d+\] (\S+) (\w+)/m.exec(run.stderr())!;
      const first = record.requirements.find((verdict) => verdict.id === firstId);
      expect(first?.verdict, "the first requirement keeps its verdict").to.equal(firstVerdict);
      expect(run.stderr()).not.to.match(/\n\s+at /);
    } finally {
      await server.close();
    }
  });

  it("a target on a closed port: exit 2 and complete reports", async () => {
    const out = join(dir, "unreachable");
    const port = await closedPort();
    const root = `http://127.0.0.1:${port}/api`;
    const run = spawnRun(["--target", root, "--ticket", "1", "--out", out, "--quiet"], dir);
    expect(await run.exit).to.equal(2);

    const record = readCompleteReports(out);
    expect(record.exitCode).to.equal(2);
    expect(record.target.root).to.equal(root);
    expect(record.requirements.some((verdict) => verdict.verdict === "error")).to.equal(true);
    expect(run.stdout()).to.include("COULD NOT JUDGE (exit 2)");
    expect(run.stderr()).not.to.match(/^\[\d+\//m);
  });

  it("a reader that goes away (| head -1): the run goes on, exits as its record says", async () => {
    const out = join(dir, "closed-reader");
    const child = spawn(process.execPath, [bin, "run", "--only", "STATUS,AUTH", "--out", out], {
      cwd: dir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"],
    });
    // Read the first progress line, then close both pipes as `| head -1` does.
    await new Promise<void>((resolve) => child.stderr.once("data", () => resolve()));
    child.stderr.destroy();
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));

    const record = readCompleteReports(out);
    expect(record.status.state).to.equal("completed");
    expect(record.totals.error, "every requirement was judged").to.equal(0);
    expect(code).to.equal(record.exitCode);
  });
});
