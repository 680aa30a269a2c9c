import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import type { RunRecord } from "../../src/model/record.js";
import { REPORT_RENDERERS } from "../../src/report/write-reports.js";
import { checkSeal } from "../../src/report/seal.js";
import { verdictsFromHtml, verdictsFromJunit, verdictsFromMarkdown } from "../report/read-back.js";

/** Credentials the run tests put in the environment; no report may show any of them. */
export const TEST_CREDENTIALS = {
  SO_AUTHORIZATION: "Bearer test-secret-authorization-7f3a",
  SO_APP_TOKEN: "test-secret-app-token-91c2",
  SO_XSRF_TOKEN: "test-secret-xsrf-55d0",
  SO_COOKIE: "SuperOffice=test-secret-cookie-e4b1",
};

/**
 * Reads the four reports in `dir` and asserts they are complete: every file present and
 * parseable, the record sealed and consistent, every format showing the same verdicts, and no
 * credential anywhere. Returns the record.
 */
export function readCompleteReports(dir: string): RunRecord {
  const texts = Object.fromEntries(
    Object.keys(REPORT_RENDERERS).map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );
  const record = JSON.parse(texts["certification.json"]!) as RunRecord;
  const seal = checkSeal(record);
  expect(seal.hashMatches, "the record's hash").to.equal(true);
  expect(seal.inconsistencies).to.deep.equal([]);

  const verdicts = Object.fromEntries(record.requirements.map((v) => [v.id, v.verdict]));
  expect(verdictsFromHtml(texts["certification.html"]!)).to.deep.equal(verdicts);
  expect(verdictsFromMarkdown(texts["certification.md"]!)).to.deep.equal(verdicts);
  expect(verdictsFromJunit(texts["junit.xml"]!)).to.deep.equal(verdicts);

  const secrets = Object.values(TEST_CREDENTIALS).flatMap((value) => [
    value,
    value.split(/[ =]/).pop()!,
  ]);
  for (const [name, text] of Object.entries(texts)) {
    for (const secret of secrets) expect(text, `${name} leaks a credential`).not.to.include(secret);
  }
  return record;
}
