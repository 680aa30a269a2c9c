import type { Heading, Root } from "mdast";
import { parse as parseYaml } from "yaml";
import type { Page, PageKind } from "./page.js";
import { pageMalformed } from "./page-error.js";
import { nodeText, parseMarkdown, placeOf } from "./page-tree.js";
import { extractSections, type Section } from "./sections.js";

/**
 * Reads one page (the operation page or a type page) into a Page. `file` is the name used in
 * places and messages, e.g. `spec/types/Sale.md`. Throws ERR_CT_PAGE_MALFORMED.
 */
export function parsePage(text: string, file: string, kind: PageKind = "type"): Page {
  refuseDeepNesting(text, file);
  try {
    return readPage(text, file, kind);
  } catch (error) {
    // Note: the Markdown parser and the tree walks recurse; blocks nested thousands deep
    // (`>>>>…`) exhaust the stack, which is a page no contract is written as.
    if (!(error instanceof RangeError)) throw error;
    throw pageMalformed({ file, line: 1, column: 1 },
      `the page nests blocks too deeply to be read (${error.message})`);
  }
}

/** Deeper than any reference page nests its lists and quotes (they nest at most twice). */
export const MAX_BLOCK_NESTING = 16;

/** Block markers opening a line: list items (`-`, `*`, `+`, `1.`) and quotes (`>`). */
const BLOCK_MARKERS = /^(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])(?=[ \t>]|$)[ \t]*)+/;

/**
 * Refuses a page whose lines open blocks nested deeper than MAX_BLOCK_NESTING. Note: the
 * Markdown parser's time grows much faster than the depth (`- - - - …` 10 000 deep does not
 * finish in minutes), so the depth is judged on the text before parsing.
 */
function refuseDeepNesting(text: string, file: string): void {
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    const markers = BLOCK_MARKERS.exec(line)?.[0] ?? "";
    const depth = markers.match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (depth > MAX_BLOCK_NESTING || indent > MAX_BLOCK_NESTING * 4) {
      throw pageMalformed({ file, line: index + 1, column: 1 },
        `the line opens blocks nested ${Math.max(depth, Math.floor(indent / 4))} deep ` +
          `(at most ${MAX_BLOCK_NESTING} are read)`);
    }
  }
}

function readPage(text: string, file: string, kind: PageKind): Page {
  const tree = parseMarkdown(text);
  const frontMatter = readFrontMatter(tree, file);
  const heading = tree.children.find(
    (node): node is Heading => node.type === "heading" && node.depth === 1,
  );
  const page: Page = {
    file,
    kind,
    frontMatter,
    title: String(frontMatter.title),
    uid: String(frontMatter.uid),
    intro: [],
    pathParts: [],
    query: [],
    queryExamples: [],
    headers: [],
    mediaTypes: [],
    responseText: "",
    responses: [],
  };
  if (!heading) throw pageMalformed(placeOf(tree.children[1], file), "no `# Title` heading");
  extractSections(page, splitSections(tree, heading));
  if (kind === "operation" && !page.request) {
    throw pageMalformed(
      placeOf(heading, file),
      "no path block after the title (a ```http fence holding `GET /api/v1/...`)",
    );
  }
  if (!page.body) {
    throw pageMalformed(
      placeOf(heading, file),
      "no `### Response body: <Type>` section with a `Property Name | Type | Description` table",
    );
  }
  return page;
}

function readFrontMatter(tree: Root, file: string): Record<string, unknown> {
  const first = tree.children[0];
  if (first?.type !== "yaml") {
    const message = "no YAML front matter (a `---` block with `title` and `uid`)";
    throw pageMalformed(placeOf(first, file), message);
  }
  let data: unknown;
  try {
    data = parseYaml(first.value);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw pageMalformed(placeOf(first, file), `front matter is not valid YAML: ${reason}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    const message = "front matter must be a mapping with `title` and `uid`";
    throw pageMalformed(placeOf(first, file), message);
  }
  const record = data as Record<string, unknown>;
  for (const key of ["title", "uid"]) {
    if (typeof record[key] !== "string" || record[key] === "") {
      throw pageMalformed(placeOf(first, file), `front matter has no \`${key}\``);
    }
  }
  return record;
}

/** Cuts the page after its title into sections at every heading of depth 2 or more. */
function splitSections(tree: Root, title: Heading): Section[] {
  const sections: Section[] = [{ heading: undefined, title: "", nodes: [] }];
  for (const node of tree.children.slice(tree.children.indexOf(title) + 1)) {
    if (node.type === "heading") {
      sections.push({ heading: node, title: nodeText(node).trim(), nodes: [] });
    } else {
      sections.at(-1)?.nodes.push(node);
    }
  }
  return sections;
}
