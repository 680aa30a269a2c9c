import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { main } from "../../src/cli/main.js";
import type { Verdict } from "../../src/model/finding.js";
import type { RunRecord } from "../../src/model/record.js";
import { REPORT_RENDERERS } from "../../src/report/write-reports.js";
import { captureIo } from "../cli/fake-io.js";
import { readCompleteReports, TEST_CREDENTIALS } from "../cli/report-files.js";

/** What a user of `so-conformance run` sees: the exit code, both streams and the record. */
export interface SeenRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The parsed `certification.json`, after all four reports were checked complete. */
  record: RunRecord;
  out: string;
}

/** A fresh folder for one test file's runs. */
export function makeScratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ct-hostile-${prefix}-`));
}

/**
 * Runs `so-conformance run ARGS --out <dir>/<name>` in this process with the test credentials
 * in its environment, and checks what every run must leave: all four reports, parseable and
 * agreeing, no credential in them, and no stack trace on stderr.
 */
export async function runCli(
  dir: string,
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv = TEST_CREDENTIALS,
): Promise<SeenRun> {
  const out = join(dir, name);
  const io = captureIo(dir, { ...env });
  const code = await main(["node", "so-conformance", "run", ...args, "--out", out], io);
  // Note: main sets process.exitCode for the real CLI; the test runner decides its own.
  process.exitCode = undefined;
  for (const file of Object.keys(REPORT_RENDERERS)) {
    expect(existsSync(join(out, file)), `${file} was written`).to.equal(true);
  }
  const record = readCompleteReports(out);
  expect(io.stderr(), "no stack trace on stderr").not.to.match(/\n\s+at /);
  expect(record.exitCode, "the record's exit code is the process's").to.equal(code);
  return { code, stdout: io.stdout(), stderr: io.stderr(), record, out };
}

/** The verdict of one requirement in a record; fails the test when it is absent. */
export function verdictOf(record: RunRecord, id: string): Verdict {
  const verdict = record.requirements.find((candidate) => candidate.id === id);
  expect(verdict, `a verdict for ${id}`).to.not.equal(undefined);
  return verdict!;
}

/** Every finding message and reason of a verdict, as one text to search. */
export function explanationOf(verdict: Verdict): string {
  const messages = verdict.findings.map((finding) =>
    [finding.message, finding.where, JSON.stringify(finding.actual), finding.expected].join(" "));
  return [verdict.reason ?? "", ...messages].join("\n");
}
