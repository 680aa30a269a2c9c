// `npm run bench`: parse + validate throughput, memory and start-up against a JSON.parse floor.
// Writes a generated corpus into .bench/ (git-ignored) and the figures into BENCHMARKS.md.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { writeMarkedSection } from "./lib/marked-section.js";
import { once } from "node:events";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { findRepoRoot } from "../src/markdown/repo-root.js";
import { createReferenceHandler, DEFAULT_CREDENTIALS, seedTicketIds } from "../src/server/index.js";
import { writeReport, type ModeFigures, type Run } from "./bench-report.js";

const MB = 1024 * 1024;
const root = findRepoRoot();
const benchDir = join(root, ".bench");
const cores = availableParallelism();

/** Measured runs per mode and corpus, after one warm-up round that is thrown away. */
const ROUNDS = 5;

/** A mode as `scripts/bench-measure.js` runs it. */
interface Mode {
  label: string;
  args: string[];
}

const MODES: Mode[] = [
  { label: "JSON.parse", args: ["floor"] },
  { label: "ajv compile-at-start", args: ["ajv"] },
  { label: "project, 1 thread", args: ["project", "1"] },
  { label: `project, ${cores} threads`, args: ["project", String(cores)] },
];

type Ticket = Record<string, unknown>;

/** The reference server's seeded tickets, as parsed JSON. */
async function seedTickets(): Promise<Ticket[]> {
  const handler = createReferenceHandler();
  const { user, password } = DEFAULT_CREDENTIALS.basic;
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  const tickets = [];
  for (const id of seedTicketIds()) {
    const headers = { authorization, accept: "application/json" };
    const response = await handler({ method: "GET", url: `/api/v1/Ticket/${id}`, headers });
    if (response.status === 200) tickets.push(JSON.parse(String(response.body)) as Ticket);
  }
  return tickets;
}

/** Writes an NDJSON corpus of about `megabytes`, varying ids and strings so bodies differ. */
async function writeCorpus(file: string, megabytes: number, tickets: Ticket[]): Promise<void> {
  const out = createWriteStream(file);
  let written = 0;
  for (let n = 0; written < megabytes * MB; n++) {
    const ticket = tickets[n % tickets.length] as Ticket;
    const body: Ticket = { ...ticket, TicketId: (n % 2147483000) + 1 };
    body.Title = `${String(ticket.Title)} #${n}`;
    body.FromAddress = `customer${n}@example.com`;
    // Note: about one body in fifty breaks the contract, so the error path is measured too.
    if (n % 50 === 0) body.NumMessages = 2 ** 31 + n;
    const line = `${JSON.stringify(body)}\n`;
    if (!out.write(line)) await once(out, "drain");
    written += Buffer.byteLength(line);
  }
  out.end();
  await once(out, "finish");
}

/** Runs one mode on one file in a fresh `node` process without any loader. */
function runChild(mode: Mode, file: string): Run {
  const script = join(root, "scripts", "bench-measure.js");
  const child = spawnSync(process.execPath, [script, file, ...mode.args], {
    cwd: root,
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`${mode.label} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop() as string) as Run;
}

/** Every mode on one file: a warm-up round, then ROUNDS rounds with the modes interleaved. */
function measureFile(file: string): ModeFigures[] {
  for (const mode of MODES) runChild(mode, file);
  const runs = MODES.map((): Run[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    MODES.forEach((mode, n) => runs[n]?.push(runChild(mode, file)));
  }
  return MODES.map((mode, n) => ({ label: mode.label, runs: runs[n] as Run[] }));
}

/** Time from spawning the built CLI on a one-body file to its first output, and to its exit. */
async function startUp(file: string): Promise<{ firstMs: number; exitMs: number }> {
  const cli = join(root, "bin", "so-conformance.js");
  const started = performance.now();
  const child = spawn(process.execPath, [cli, "validate", file, "--workers", "1"]);
  let firstMs = 0;
  child.stdout.once("data", () => (firstMs = performance.now() - started));
  await once(child, "close");
  return { firstMs, exitMs: performance.now() - started };
}

/** Parent: builds the corpus, measures every mode at two sizes, writes BENCHMARKS.md. */
async function main(): Promise<void> {
  mkdirSync(benchDir, { recursive: true });
  const built = join(root, "dist", "validators", "validators.cjs");
  if (!existsSync(join(root, "dist", "src", "cli", "main.js")) || !existsSync(built)) {
    throw new Error("build first: `npm run build`");
  }
  const tickets = await seedTickets();
  const sizes = [25, 100];
  const files = sizes.map((mb) => join(benchDir, `tickets-${mb}mb.ndjson`));
  for (const [n, file] of files.entries()) await writeCorpus(file, sizes[n] as number, tickets);
  const one = join(benchDir, "one.json");
  writeFileSync(one, JSON.stringify(tickets[0]));

  const loadBefore = loadavg()[0] as number;
  const corpora = files.map((file) => {
    const modes = measureFile(file);
    process.stdout.write(`${file}: ${JSON.stringify(modes.map((m) => m.label))} measured\n`);
    return modes;
  });
  const startups = [];
  for (let n = 0; n < 5; n++) startups.push(await startUp(one));
  const loadAfter = loadavg()[0] as number;
  writeFileSync(join(benchDir, "results.json"), JSON.stringify({ corpora, startups }, null, 2));
  const machine = `${cores} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}`;
  const figures = { corpora, startups, machine, rounds: ROUNDS, loadBefore, loadAfter };
  const markdown = writeReport(figures);
  const body = markdown.replace(/^# Benchmarks\n+/, "");
  writeMarkedSection(join(root, "BENCHMARKS.md"), "# Benchmarks", "bench", body);
  process.stdout.write(markdown);
}

await main();
