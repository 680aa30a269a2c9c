import { debuglog } from "node:util";
import { findRepoRoot, loadSpec, suiteVersion } from "../markdown/index.js";
import { ConformanceError, isConformanceError } from "../model/errors.js";
import type { Target } from "../model/exchange.js";
import type { Verdict } from "../model/finding.js";
import type { Operation } from "../model/operation.js";
import type { RunRecord } from "../model/record.js";
import { buildRecord, completeVerdicts } from "../report/build-record.js";
import { sealRecord } from "../report/seal.js";
import { writeReports } from "../report/write-reports.js";
import { runRequirements, UNLIKELY_TICKET } from "../run/engine.js";
import { selectRequirements } from "../run/select-requirements.js";
import { collectSecrets } from "../target/credentials.js";
import { openTarget } from "../target/index.js";
import { ensureDirectory } from "../util/ensure-directory.js";
import { loadValidators } from "../validate/index.js";
import { painter } from "./colour.js";
import { watchInterruptions } from "./interrupt.js";
import type { CliIo } from "./io.js";
import { trackProgress } from "./progress.js";
import {
  describeEnvironment,
  describeSchemas,
  describeSpec,
  describeSuite,
} from "./run-context.js";
import { parseRunOptions, type RunSettings } from "./run-options.js";
import { formatSummary } from "./summary.js";

const log = debuglog("ct:cli");

/** What the run learned before it ended, however it ended. */
interface RunState {
  operation?: Operation;
  target?: Target;
  tickets: number[];
  missingTicket: number;
  fkTicket?: number;
  verdicts: readonly Verdict[];
  status: RunRecord["status"];
  /** An unexpected error, rethrown once the reports are written. */
  bug?: unknown;
}

/**
 * `so-conformance run`: judges the target, writes the four reports whatever happens, prints
 * the summary and resolves the exit code (0 conforms, 1 a requirement failed, 2 could not judge).
 */
export async function runCommand(raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const settings = parseRunOptions(raw, io.cwd);
  // Note: a folder the reports cannot go into is found before the run, not after it.
  const unwritable = ensureDirectory(settings.outDir);
  if (unwritable !== undefined) {
    throw new ConformanceError("ERR_CT_USAGE",
      `\`--out\` ${settings.outDir} cannot hold the reports: ${unwritable}`);
  }
  const interruptions = watchInterruptions(settings.runTimeoutMs);
  try {
    return await runAndReport(settings, io, interruptions);
  } finally {
    interruptions.dispose();
  }
}

async function runAndReport(
  settings: RunSettings,
  io: CliIo,
  interruptions: ReturnType<typeof watchInterruptions>,
): Promise<number> {
  const startedAt = new Date();
  const paint = painter(io.isTTY);
  const progress = trackProgress(io, settings.output, paint);
  const state: RunState = {
    tickets: settings.tickets,
    missingTicket: settings.missingTicket ?? UNLIKELY_TICKET,
    verdicts: [],
    status: { state: "completed" },
  };
  if (settings.fkTicket !== undefined) state.fkTicket = settings.fkTicket;

  try {
    await judge(settings, io, state, progress.onProgress, interruptions.signal);
  } catch (error) {
    state.status = { state: "aborted", reason: describeError(error) };
    if (!isConformanceError(error)) state.bug = error;
  } finally {
    // Note: closing a recording target writes its cassettes; a recording that could not be
    // kept must not pass unnoticed.
    await state.target?.close().catch((error: unknown) => {
      log("closing the target: %o", error);
      if (settings.record !== undefined && state.status.state === "completed") {
        state.status = { state: "aborted",
          reason: `the recordings could not be written into ${settings.record}: ` +
            describeError(error) };
      }
    });
  }
  if (interruptions.signal.aborted) {
    state.status = { state: "interrupted", reason: interruptions.reason() ?? "interrupted" };
  }
  if (state.verdicts.length === 0) state.verdicts = progress.judged();

  const record = assembleRecord(settings, io, state, startedAt);
  const paths = writeReportFiles(record, settings.outDir, collectSecrets(io.env));
  if (state.status.state !== "completed") {
    io.err(`so-conformance: the run was ${state.status.state}: ${state.status.reason ?? ""}\n`);
  }
  io.out(formatSummary(record, paths, painter(io.isTTY)));
  if (state.bug !== undefined) throw state.bug;
  return record.exitCode;
}

/** A failure as the record states it: the message, with the code of an expected error. */
function describeError(error: unknown): string {
  if (isConformanceError(error)) return `${error.message} [${error.code}]`;
  return error instanceof Error ? error.message : String(error);
}

/** Writes the reports; a folder that cannot be written is a usage error, not a bug. */
function writeReportFiles(record: RunRecord, outDir: string, secrets: string[]): string[] {
  try {
    return writeReports(record, outDir, secrets);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    const message = `the reports cannot be written into ${outDir}: ${code}`;
    throw new ConformanceError("ERR_CT_USAGE", message, { cause: error });
  }
}

/** Opens the spec, the validators and the target, then runs the requirements. */
async function judge(
  settings: RunSettings,
  io: CliIo,
  state: RunState,
  onProgress: ReturnType<typeof trackProgress>["onProgress"],
  signal: AbortSignal,
): Promise<void> {
  state.operation = loadSpec();
  const validators = loadValidators();
  const opened = await openTarget({
    ...(settings.target !== undefined ? { root: settings.target } : {}),
    ...(settings.record !== undefined ? { record: settings.record } : {}),
    ...(settings.replay !== undefined ? { replay: settings.replay } : {}),
    env: io.env,
    timeoutMs: settings.timeoutMs,
    maxBodyBytes: settings.maxBodyBytes,
    insecure: settings.insecure,
    suiteVersion: suiteVersion(),
    ids: {
      tickets: state.tickets,
      missingTicket: state.missingTicket,
      ...(state.fkTicket !== undefined ? { fkTicket: state.fkTicket } : {}),
    },
  });
  state.target = opened.target;
  if (state.tickets.length === 0) state.tickets = opened.defaults.tickets;
  if (settings.missingTicket === undefined && opened.defaults.missingTicket !== undefined) {
    state.missingTicket = opened.defaults.missingTicket;
  }
  if (state.fkTicket === undefined && opened.defaults.fkTicket !== undefined) {
    state.fkTicket = opened.defaults.fkTicket;
  }
  if (signal.aborted) return;

  state.verdicts = await runUntilStopped(
    runRequirements({
      target: opened.target,
      operation: state.operation,
      validators,
      profile: settings.profile,
      tickets: state.tickets,
      missingTicket: state.missingTicket,
      ...(state.fkTicket !== undefined ? { fkTicket: state.fkTicket } : {}),
      ...(settings.only !== undefined ? { only: settings.only } : {}),
      signal,
      onProgress,
    }),
    signal,
    settings.timeoutMs,
  );
}

/**
 * The engine's verdicts, or, when it has not returned within a request timeout of being
 * aborted, none: the caller falls back to the verdicts seen in progress events.
 */
async function runUntilStopped(
  run: Promise<Verdict[]>,
  signal: AbortSignal,
  graceMs: number,
): Promise<Verdict[]> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<Verdict[]>((resolve) => {
    signal.addEventListener("abort", () => {
      timer = setTimeout(() => resolve([]), graceMs + 1000);
    });
  });
  try {
    return await Promise.race([run, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

function assembleRecord(
  settings: RunSettings,
  io: CliIo,
  state: RunState,
  startedAt: Date,
): RunRecord {
  const root = findRepoRoot();
  const selected = selectRequirements(settings.only);
  const unjudged =
    state.status.state === "completed"
      ? "not judged: the engine returned no verdict for it"
      : `not judged: the run was ${state.status.state} (${state.status.reason ?? "no reason"})`;
  const target = state.target;
  const record = buildRecord({
    suite: describeSuite(root),
    spec: describeSpec(root, state.operation),
    schemas: describeSchemas(root),
    target: {
      kind: target?.kind ?? (settings.replay ? "recorded" : settings.target ? "live" : "reference"),
      root: target?.root ?? settings.target ?? "(embedded reference server)",
      ...recordingsOf(settings),
    },
    profile: settings.profile,
    options: {
      tickets: state.tickets,
      missingTicket: state.missingTicket,
      ...(state.fkTicket !== undefined ? { fkTicket: state.fkTicket } : {}),
      ...(settings.only !== undefined ? { only: settings.only } : {}),
    },
    environment: describeEnvironment(startedAt, new Date()),
    status: state.status,
    requirements: completeVerdicts(state.verdicts, selected, unjudged),
    secrets: collectSecrets(io.env),
  });
  return sealRecord(record, settings.signKey);
}

function recordingsOf(settings: RunSettings): { recordings?: string } {
  const recordings = settings.replay ?? settings.record;
  return recordings === undefined ? {} : { recordings };
}
