import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { findRepoRoot } from "../../src/markdown/index.js";
import { DEFAULT_CREDENTIALS, type ReferenceCredentials } from "../../src/server/index.js";
import { TEST_CREDENTIALS } from "../cli/report-files.js";
import { REFERENCE_TEST_CREDENTIALS, seedFlags, startCountingReference } from "./reference.js";
import { makeScratch } from "./run-cli.js";
import {
  redirectTo, startHostileServer, type HostileServer, type Misbehaviour,
} from "./servers.js";

const root = findRepoRoot();
const compiled = join(root, "dist", "src", "cli", "main.js");

/** A server that sends every request header back, in its body and in its own headers. */
const echoCredentials: Misbehaviour = (request, response) => {
  const { authorization = "", cookie = "" } = request.headers;
  response.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "x-echo-authorization": authorization,
    "set-cookie": cookie,
  });
  response.end(JSON.stringify({ TicketId: 1, Title: JSON.stringify(request.headers) }));
};

/** Every string a reference server configuration treats as a secret. */
function referenceSecrets(credentials: ReferenceCredentials): string[] {
  const { basic, session } = credentials;
  return [basic.password, `${basic.user}:${basic.password}`, credentials.soTicket,
    credentials.bearer, credentials.appToken, session.cookieValue, session.xsrfToken];
}

/** Each secret as written raw, in base64 and URL-encoded. */
function encodings(secrets: readonly string[]): string[] {
  return [...new Set(secrets.flatMap((secret) =>
    [secret, Buffer.from(secret, "utf8").toString("base64"), encodeURIComponent(secret)]))];
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Runs the built CLI with debug logging on; the log is what it printed, kept as a file. */
function spawnLogged(args: string[], cwd: string, logFile: string): Promise<number | null> {
  const child = spawn(process.execPath, [join(root, "bin", "so-conformance.js"), "run", ...args], {
    cwd,
    env: { ...process.env, ...TEST_CREDENTIALS, NO_COLOR: "1", NODE_DEBUG: "ct:*" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  return new Promise((resolve) => child.on("close", (code) => {
    writeFileSync(logFile, log);
    resolve(code);
  }));
}

describe(`hostile: no credential reaches a report, log or cassette${
  existsSync(compiled) ? "" : " (skipped: npm run build first)"}`, function () {
  this.timeout(60_000);
  let dir: string;
  const servers: HostileServer[] = [];
  let reference: Awaited<ReturnType<typeof startCountingReference>> | undefined;

  before(async function () {
    if (!existsSync(compiled)) return this.skip();
    dir = makeScratch("leak");
    reference = await startCountingReference();
    const echo = await startHostileServer(echoCredentials);
    const redirect = await startHostileServer(redirectTo(302, `${echo.root}/v1/Ticket/1`));
    servers.push(echo, redirect);
    const runs: Array<[string, string[]]> = [
      ["reference", seedFlags(reference.server.root)],
      ["echo", ["--target", echo.root, "--ticket", "1"]],
      ["redirect", ["--target", redirect.root, "--ticket", "1", "--only", "STATUS,AUTH"]],
    ];
    const codes = await Promise.all(runs.map(([name, args]) => spawnLogged(
      [...args, "--out", join(dir, name, "reports"), "--record", join(dir, name, "cassettes")],
      dir, join(dir, name, "run.log"))));
    const logs = runs.map(([name]) =>
      readFileSync(join(dir, name, "run.log"), "utf8").slice(-600));
    // Exit 2 is fair here (these servers hold no ticket to compare with); a crash is not.
    const ended = codes.every((code, index) => code !== null && code <= 2
      && existsSync(join(dir, runs[index]![0], "reports", "certification.json")));
    expect(ended, `every run ended with its reports: ${logs.join("\n")}`).to.equal(true);
    expect(echo.seen[0]?.headers.authorization, "the credentials were sent and echoed")
      .to.equal(TEST_CREDENTIALS.SO_AUTHORIZATION);
  });
  after(async () => {
    await Promise.all([...servers.map((server) => server.close()), reference?.server.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("finds every written file, logs included, and none holds a test credential", () => {
    const files = filesUnder(dir);
    for (const run of ["reference", "echo", "redirect"]) {
      const own = files.filter((file) => file.startsWith(join(dir, run)));
      expect(own.filter((file) => file.includes("/reports/")), `${run} reports`).to.have.length(4);
      expect(own.some((file) => file.includes("/cassettes/")), `${run} cassettes`).to.equal(true);
    }
    expect(readFileSync(join(dir, "reference", "run.log"), "utf8"), "debug logging was on")
      .to.match(/^CT:TARGET\S* \d+: /m);

    const secrets = encodings([
      ...Object.values(TEST_CREDENTIALS),
      TEST_CREDENTIALS.SO_AUTHORIZATION.replace(/^Bearer /, ""),
      TEST_CREDENTIALS.SO_COOKIE.replace(/^SuperOffice=/, ""),
      ...referenceSecrets(REFERENCE_TEST_CREDENTIALS),
    ]);
    const leaks = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return secrets.filter((secret) => text.includes(secret))
        .map((secret) => `${file}: ${secret}`);
    });
    expect(leaks).to.deep.equal([]);
  });

  it("the committed recordings hold neither the test nor the reference credentials", () => {
    const files = filesUnder(join(root, "suites", "recordings"));
    expect(files.length, "there are committed recordings to scan").to.be.greaterThan(0);
    const secrets = encodings([...Object.values(TEST_CREDENTIALS),
      ...referenceSecrets(DEFAULT_CREDENTIALS)]);
    const leaks = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return secrets.filter((secret) => text.includes(secret))
        .map((secret) => `${file}: ${secret}`);
    });
    expect(leaks).to.deep.equal([]);
  });
});
