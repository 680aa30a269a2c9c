// Replaces one generated section of a Markdown file, keeping the rest: BENCHMARKS.md holds the
// figures of `npm run bench` and of `npm run power`, each written by its own script.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Writes `body` between `<!-- name:start -->` and `<!-- name:end -->`, appending the section
 * (after `title`, for a new file) when it is not there yet.
 */
export function writeMarkedSection(file: string, title: string, name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, "utf8") : `${title}\n`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from
    ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}`
    : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
