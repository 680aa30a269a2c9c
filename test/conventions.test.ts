import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect } from "chai";
import { findRepoRoot } from "../src/markdown/index.js";

const ROOT = findRepoRoot();

/** Every `.ts`/`.js` file below the given folders of the checkout. */
function sourceFiles(...folders: string[]): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(
    (entry) => entry.isDirectory() ? walk(join(dir, entry.name))
      : /\.(ts|js)$/.test(entry.name) ? [join(dir, entry.name)] : []);
  return folders.flatMap((folder) => walk(join(ROOT, folder)));
}

/** `file:line` for each line of the files that matches. */
function linesMatching(files: string[], test: (line: string) => boolean): string[] {
  return files.flatMap((file) => readFileSync(file, "utf8").split("\n").flatMap((line, index) =>
    test(line) ? [`${relative(ROOT, file)}:${index + 1}`] : []));
}

describe("conventions the code keeps", () => {
  const product = sourceFiles("src", "suites", "bin");

  it("library code never writes to the console: only src/cli/ does, through CliIo", () => {
    const library = product.filter((file) => !relative(ROOT, file).startsWith("src/cli/"));
    const writes = /\bconsole\.|process\.(stdout|stderr)\.write/;
    // The entry point's one line: the build is missing, so there is no CLI to speak through.
    expect(linesMatching(library, (line) => writes.test(line)))
      .to.deep.equal(["bin/so-conformance.js:7"]);
  });

  it("every TODO names its reason: TODO(<reason>)", () => {
    // Note: this file names the rule itself, so it is left out.
    const files = [...product, ...sourceFiles("scripts", "test")]
      .filter((file) => !file.endsWith("conventions.test.ts"));
    expect(linesMatching(files, (line) => /\bTODO(?!\()/.test(line))).to.deep.equal([]);
  });

  it("product code keeps to 100 columns", () => {
    expect(linesMatching(product, (line) => line.length > 100)).to.deep.equal([]);
  });

  it("no test is left focused with .only", () => {
    const tests = sourceFiles("test").filter((file) => !file.endsWith("conventions.test.ts"));
    expect(linesMatching(tests, (line) => /\b(describe|it)\.only\(/.test(line))).to.deep.equal([]);
  });
});
