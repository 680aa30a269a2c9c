// Records the committed cassettes: runs every requirement against the embedded reference
// server with --record semantics. Run with `npx tsx scripts/record-reference.ts [DIR]`.
import { rmSync } from "node:fs";
import { loadSpec } from "../src/markdown/index.js";
import { runRequirements } from "../src/run/engine.js";
import { suiteVersion } from "../src/markdown/repo-root.js";
import { openTarget } from "../src/target/index.js";
import { loadValidators } from "../src/validate/index.js";

const dir = process.argv[2] ?? "suites/recordings/reference";
rmSync(dir, { recursive: true, force: true });
const opened = await openTarget({
  record: dir, env: {}, timeoutMs: 10_000, maxBodyBytes: 5_000_000, insecure: false,
  suiteVersion: suiteVersion(),
});
const { defaults } = opened;
try {
  const verdicts = await runRequirements({
    target: opened.target, operation: loadSpec(), validators: loadValidators(), profile: "lenient",
    tickets: defaults.tickets, missingTicket: defaults.missingTicket ?? 99,
    ...(defaults.fkTicket === undefined ? {} : { fkTicket: defaults.fkTicket }),
  });
  const summary = verdicts.map((verdict) => `${verdict.id} ${verdict.verdict}`).join("\n");
  process.stdout.write(`${summary}\nrecorded into ${dir}\n`);
} finally {
  await opened.target.close();
}
