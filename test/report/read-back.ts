import { XMLParser } from "fast-xml-parser";
import type { Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** Requirement id → verdict, as one report format shows it. */
export type VerdictMap = Record<string, string>;

/** Every object in a parsed XML/HTML tree, depth first. */
function* walk(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
  } else if (node !== null && typeof node === "object") {
    yield node as Record<string, unknown>;
    for (const value of Object.values(node)) yield* walk(value);
  }
}

/** Reads the requirement rows of the HTML report through an HTML-tolerant parse. */
export function verdictsFromHtml(html: string): VerdictMap {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    unpairedTags: ["meta", "br", "hr", "link", "img", "input", "!doctype"],
    stopNodes: ["*.style", "*.pre"],
    htmlEntities: true,
  });
  const verdicts: VerdictMap = {};
  for (const node of walk(parser.parse(html.replace(/^<!doctype html>/i, "")))) {
    const id = node["@_data-requirement"];
    if (typeof id === "string") verdicts[id] = String(node["@_data-verdict"]);
  }
  return verdicts;
}

/** The text of an mdast node and its children. */
function toString(node: unknown): string {
  const { value, children } = node as { value?: unknown; children?: unknown[] };
  if (typeof value === "string") return value;
  return (children ?? []).map(toString).join("");
}

/** Reads the "Requirements" table of the Markdown report through remark. */
export function verdictsFromMarkdown(markdown: string): VerdictMap {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const index = tree.children.findIndex(
    (node) => node.type === "heading" && toString(node) === "Requirements",
  );
  const table = tree.children.slice(index).find((node): node is Table => node.type === "table");
  if (!table) throw new Error("no Requirements table in the Markdown report");
  const [header, ...rows] = table.children.map((row) => row.children.map((cell) => toString(cell)));
  const idColumn = header!.indexOf("id");
  const verdictColumn = header!.indexOf("verdict");
  return Object.fromEntries(rows.map((cells) => [cells[idColumn]!, cells[verdictColumn]!]));
}

/** A test case as JUnit XML states it. */
export interface JunitCase {
  classname: string;
  name: string;
  failure?: { message: string; text: string };
  error?: { message: string; text: string };
  skipped?: { message: string };
  systemOut?: string;
}

/** Parses junit.xml back into its suites' counts and its test cases. */
export function readJunit(xml: string): {
  totals: Record<string, string>;
  cases: JunitCase[];
  /** Each suite's `<properties>`, name → value. */
  properties: Array<Record<string, string>>;
} {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    textNodeName: "text",
    isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
  });
  // Note: the parsed XML is untyped; the fields read below are the ones JUnit defines.
  type RawCase = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  type Property = { name: string; value: string };
  type Suite = { testcase: RawCase[]; properties?: { property: Property[] } };
  type Suites = Record<string, unknown> & { testsuite: Suite[] };
  const document = parser.parse(xml) as { testsuites: Suites };
  const { testsuite, ...totals } = document.testsuites;
  const cases = testsuite.flatMap((suite) =>
    suite.testcase.map((raw): JunitCase => ({
      classname: raw.classname,
      name: raw.name,
      ...(raw.failure ? { failure: { message: raw.failure.message, text: raw.failure.text } } : {}),
      ...(raw.error ? { error: { message: raw.error.message, text: raw.error.text } } : {}),
      ...(raw.skipped ? { skipped: { message: raw.skipped.message } } : {}),
      ...(raw["system-out"] ? { systemOut: String(raw["system-out"]) } : {}),
    })),
  );
  const properties = testsuite.map((suite) =>
    Object.fromEntries((suite.properties?.property ?? []).map((p) => [p.name, String(p.value)])),
  );
  return { totals: totals as Record<string, string>, cases, properties };
}

const JUNIT_KIND: Array<[keyof JunitCase, string]> = [
  ["failure", "fail"],
  ["error", "error"],
  ["skipped", "skip"],
  ["systemOut", "warn"],
];

/** Reads the verdicts JUnit implies: failure, error, skipped, system-out (warn), else pass. */
export function verdictsFromJunit(xml: string): VerdictMap {
  const verdicts: VerdictMap = {};
  for (const testCase of readJunit(xml).cases) {
    const id = testCase.name.split(":")[0]!;
    verdicts[id] = JUNIT_KIND.find(([key]) => testCase[key] !== undefined)?.[1] ?? "pass";
  }
  return verdicts;
}
