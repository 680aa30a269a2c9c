import { expect } from "chai";
import type { Heading, List, RootContent, Table } from "mdast";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REQUIREMENTS } from "../../src/checks/requirements.js";
import { loadSpec } from "../../src/markdown/index.js";
import { nodeText, parseMarkdown } from "../../src/markdown/page-tree.js";
import { NOTES_FILE, type Clause } from "../../src/model/finding.js";
import { formatClause } from "../../src/report/clause.js";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { fixtureRecord } from "../report/fixture-record.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const STEP = " › ";

/** The nodes under one heading of a Markdown file, up to the next heading of any depth. */
interface Section {
  depth: number;
  title: string;
  nodes: RootContent[];
}

function readSections(file: string): Section[] {
  const tree = parseMarkdown(readFileSync(join(ROOT, file), "utf8"));
  const sections: Section[] = [];
  for (const node of tree.children) {
    if (node.type === "heading") {
      sections.push({ depth: node.depth, title: headingTitle(node), nodes: [] });
    } else {
      sections.at(-1)?.nodes.push(node);
    }
  }
  return sections;
}

/** A heading as clauses name it: the page writes `Response:`, read as `Response` by the parser. */
function headingTitle(heading: Heading): string {
  return nodeText(heading).trim().replace(/:$/, "");
}

/** Each table row of a section as its cells' text, header rows included. */
function tableRows(section: Section): string[][] {
  return section.nodes
    .filter((node): node is Table => node.type === "table")
    .flatMap((table) => table.children.map((row) => row.children.map((c) => nodeText(c).trim())));
}

/**
 * Why a point of a page clause is not in its section, or undefined when it is. A point names
 * table rows or header cells, comma-separated, with the row's type in parentheses
 * (`id (int32)`), or text of the section's code blocks (`charset=utf-8`).
 */
function missingPagePoint(section: Section, point: string): string | undefined {
  const [, names = point, type] = /^(.*?)(?: \((\S+)\))?$/.exec(point) ?? [];
  const rows = tableRows(section);
  const code = section.nodes.map((node) => (node.type === "code" ? node.value : "")).join("\n");
  for (const name of names.split(", ")) {
    const row = rows.find((cells) => cells[0] === name);
    const inHeader = rows.some((cells) => cells.includes(name));
    if (!row && !inHeader && !code.includes(name)) {
      return `\`${name}\` is not in "${section.title}"`;
    }
    if (type !== undefined && !row?.includes(type)) return `\`${name}\` is not of type ${type}`;
  }
  return undefined;
}

/** The bold labels that open the list items of a notes section (`**Zone codes.** …`). */
function boldLabels(section: Section): string[] {
  return section.nodes
    .filter((node): node is List => node.type === "list")
    .flatMap((list) => list.children)
    .map((item) => item.children[0])
    .flatMap((first) => (first?.type === "paragraph" ? [first.children[0]] : []))
    .flatMap((lead) => (lead?.type === "strong" ? [nodeText(lead).trim().replace(/\.$/, "")] : []));
}

const PAGE_FILE = loadSpec(join(ROOT, "spec")).source.file;
const PAGE_SECTIONS = readSections(PAGE_FILE);
const NOTES_SECTIONS = readSections(NOTES_FILE).filter((section) => section.depth === 2);

/** Why a clause does not resolve in the file it names, or undefined when it does. */
const RESOLVERS: Record<Clause["source"], (segments: string[]) => string | undefined> = {
  page: ([title, ...points]) => {
    const section = PAGE_SECTIONS.find((candidate) => candidate.title === title);
    if (!section) return `no heading "${title}" in ${PAGE_FILE}`;
    return points.map((point) => missingPagePoint(section, point)).find(Boolean);
  },
  notes: ([title, ...points]) => {
    const section = NOTES_SECTIONS.find((candidate) => candidate.title === title);
    if (!section) return `no heading "## ${title}" in ${NOTES_FILE}`;
    if (points.length > 1) return `notes clauses name one point at most, not ${points.length}`;
    const [point] = points;
    if (point !== undefined && !boldLabels(section).includes(point)) {
      return `no point **${point}.** under "## ${title}" in ${NOTES_FILE}`;
    }
    return undefined;
  },
};

describe("requirement clauses: every report cites a place a reader can open", () => {
  for (const requirement of REQUIREMENTS) {
    it(`${requirement.id}: ${requirement.clause.source} › ${requirement.clause.section}`, () => {
      const problem = RESOLVERS[requirement.clause.source](requirement.clause.section.split(STEP));
      expect(problem, problem).to.equal(undefined);
    });
  }

  it("resolves nothing that is not there", () => {
    expect(RESOLVERS.page(["Response", "500"])).to.match(/`500` is not in "Response"/);
    expect(RESOLVERS.page(["Query String Parameters", "fk (int32)"])).to.match(/type int32/);
    expect(RESOLVERS.page(["Response Headers"])).to.match(/no heading/);
    expect(RESOLVERS.notes(["$select", "Nothing like this"])).to.match(/no point/);
    expect(RESOLVERS.notes(["Headers"])).to.match(/no heading/);
  });

  it("keeps the headings of the notes unique, so that each clause names one place", () => {
    const titles = NOTES_SECTIONS.map((section) => section.title);
    expect(titles).to.have.length.greaterThan(5);
    expect(new Set(titles).size).to.equal(titles.length);
    for (const section of NOTES_SECTIONS) {
      const labels = boldLabels(section);
      expect(new Set(labels).size, section.title).to.equal(labels.length);
    }
  });

  it("cites only files of the checkout", () => {
    for (const requirement of REQUIREMENTS) {
      const [file] = formatClause(requirement.clause, PAGE_FILE).split(STEP);
      expect(existsSync(join(ROOT, file ?? "")), file).to.equal(true);
    }
  });
});

describe("reports: the clause column names the file", () => {
  const notes: Clause = { source: "notes", section: "$select › Value-typed defaults" };
  const page: Clause = { source: "page", section: "Response › 404" };
  const base = fixtureRecord();
  const record = {
    ...base,
    requirements: base.requirements.map((verdict, index) => ({
      ...verdict,
      clause: index % 2 === 0 ? notes : page,
    })),
  };

  it("writes the page as its file and the notes as spec/NOTES.md", () => {
    expect(formatClause(notes, record.spec.file)).to.equal(
      "spec/NOTES.md › $select › Value-typed defaults",
    );
    expect(formatClause(page, record.spec.file)).to.equal(
      "spec/v1TicketEntity_GetTicketEntity.md › Response › 404",
    );
  });

  for (const [format, render] of [["HTML", renderHtml], ["Markdown", renderMarkdown]] as const) {
    it(`${format} shows both clauses with their files`, () => {
      const text = render(record);
      expect(text).to.include("spec/NOTES.md › $select › Value-typed defaults");
      expect(text).to.include("spec/v1TicketEntity_GetTicketEntity.md › Response › 404");
      expect(text).not.to.match(/FACTS\.md|DESIGN\.md/);
    });
  }
});
