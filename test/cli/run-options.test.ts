import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "chai";
import { main } from "../../src/cli/main.js";
import { parseRunOptions } from "../../src/cli/run-options.js";
import { captureIo } from "./fake-io.js";

const LOCAL = "http://127.0.0.1:1/api";

describe("cli: run flags", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "ct-flags-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<{ args: string[]; says: RegExp }> = [
    {
      args: ["--ticket", "abc", "--target", LOCAL],
      says: /`--ticket` `abc` is not a ticket id: a whole number from 1 to 2147483647/,
    },
    {
      args: ["--target", LOCAL, "--ticket", "2147483648"],
      says: /`--ticket` `2147483648` is not a ticket id/,
    },
    { args: ["--missing-ticket", "1.5"], says: /`--missing-ticket` `1.5` is not a ticket id/ },
    { args: ["--target", LOCAL, "--ticket", "-5"], says: /`--ticket` `-5` is not a ticket id/ },
    { args: ["--fk-ticket", "0"], says: /`--fk-ticket` `0` is not a ticket id/ },
    {
      args: ["--out", ""],
      says: /`--out` is empty; name a folder \[ERR_CT_USAGE\] \(see so-conformance run --help\)$/m,
    },
    { args: ["--record", "a", "--replay", "b"], says: /`--record` and `--replay` exclude each/ },
    {
      args: ["--only", "STATUS,NOPE"],
      says: /`NOPE`.*allowed areas: STATUS, SCHEMA, SELECT, FK, MEDIA, LANG, TZ, AUTH/,
    },
    { args: ["--target", "ftp://host/api", "--ticket", "1"], says: /uses ftp; only http and/ },
    { args: ["--target", "not a url", "--ticket", "1"], says: /is not a URL/ },
    { args: ["--target", LOCAL], says: /needs at least one `--ticket ID`/ },
    { args: ["--timeout", "0"], says: /`--timeout` `0` is not a positive whole number/ },
    { args: ["--sign-key", "/no/such/key.pem"], says: /`--sign-key` .* cannot be read: ENOENT/ },
    { args: ["--profile", "loose"], says: /Allowed choices are lenient, strict/ },
  ];

  for (const { args, says } of cases) {
    it(`refuses ${args.join(" ")} with exit 2 and one line`, async () => {
      const io = captureIo(dir);
      const argv = ["node", "so-conformance", "run", "--out", join(dir, "out"), ...args];
      const code = await main(argv, io);
      expect(code).to.equal(2);
      expect(io.stderr()).to.match(says);
      expect(io.stderr()).not.to.match(/\n\s+at /);
    });
  }

  it("accepts areas and ids in any case, resolves --out against the working directory", () => {
    const raw = { only: "status, fk-2", out: "r", ticket: ["7"], profile: "strict" };
    const settings = parseRunOptions(raw, dir);
    expect(settings.only).to.deep.equal(["STATUS", "FK-2"]);
    expect(settings.outDir).to.equal(join(dir, "r"));
    expect(settings.tickets).to.deep.equal([7]);
    expect(settings.profile).to.equal("strict");
  });

  it("lets a replay go without --ticket: the recordings name their tickets", () => {
    const settings = parseRunOptions({ target: "http://127.0.0.1:1/api/", replay: "rec" }, dir);
    expect(settings.target).to.equal("http://127.0.0.1:1/api");
    expect(settings.replay).to.equal(join(dir, "rec"));
  });
});
