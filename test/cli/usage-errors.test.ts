import { expect } from "chai";
import { main } from "../../src/cli/main.js";
import { captureIo } from "./fake-io.js";

/** Runs the CLI in-process from the given argv tail. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(process.cwd());
  const code = await main(["node", "so-conformance", ...args], io);
  process.exitCode = 0;
  return { code, out: io.stdout(), err: io.stderr() };
}

describe("cli: flag mistakes print one line and point at the help", () => {
  const cases: Array<{ args: string[]; line: string }> = [
    {
      args: ["run", "--bogus"],
      line: "so-conformance: unknown option '--bogus' (see so-conformance run --help)",
    },
    {
      args: ["run", "--profile", "STRICT"],
      line:
        "so-conformance: option '--profile <profile>' argument 'STRICT' is invalid. " +
        "Allowed choices are lenient, strict. (see so-conformance run --help)",
    },
    {
      args: ["run", "--ticket"],
      line:
        "so-conformance: option '--ticket <id>' argument missing " +
        "(see so-conformance run --help)",
    },
    {
      args: ["run", "--verbos"],
      line:
        "so-conformance: unknown option '--verbos' (Did you mean --verbose?) " +
        "(see so-conformance run --help)",
    },
    {
      args: ["validate"],
      line:
        "so-conformance: missing required argument 'files' " +
        "(see so-conformance validate --help)",
    },
    {
      args: ["frobnicate"],
      line: "so-conformance: unknown command 'frobnicate' (see so-conformance --help)",
    },
  ];

  for (const { args, line } of cases) {
    it(`${args.join(" ")}: exit 2, one line on stderr, nothing on stdout`, async () => {
      expect(await cli(...args)).to.deep.equal({ code: 2, out: "", err: `${line}\n` });
    });
  }

  it("keeps --help as the full help text on stdout, exit 0", async () => {
    const { code, out, err } = await cli("run", "--help");
    expect(code).to.equal(0);
    expect(err).to.equal("");
    expect(out).to.match(/^Usage: so-conformance run \[options\]\n/);
    expect(out).to.include("--sign-key <file>");
  });
});
