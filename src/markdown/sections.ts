import type { Code, Heading, RootContent, Table } from "mdast";
import type { ParameterModel, PropertyModel } from "../model/operation.js";
import type { Page } from "./page.js";
import { decodeEntities } from "./entities.js";
import { pageMalformed } from "./page-error.js";
import { readTable, type Rows } from "./page-table.js";
import { nodeText, placeOf } from "./page-tree.js";
import { parseTypeRef, TypeSyntaxError } from "./type-ref.js";

/** The nodes under one heading, up to the next heading of any depth. */
export interface Section {
  heading: Heading | undefined;
  /** The heading's text, e.g. `Response body: TicketEntityWithLinks`. */
  title: string;
  nodes: RootContent[];
}

/** Fills part of a page from one section; `match` is the heading's regular-expression match. */
type Extractor = (page: Page, section: Section, match: RegExpMatchArray) => void;

/**
 * Which extractor reads which section, by heading text. The part before the first section
 * heading (summary, path block, path parts) has the empty title.
 */
const EXTRACTORS: ReadonlyArray<{ heading: RegExp; extract: Extractor }> = [
  { heading: /^$/, extract: extractPreamble },
  { heading: /^query string parameters$/i, extract: extractQuery },
  { heading: /^request headers$/i, extract: extractHeaders },
  { heading: /^response:?$/i, extract: extractResponses },
  { heading: /^response body:\s*(\S+)$/i, extract: extractBody },
  { heading: /^sample request$/i, extract: extractSample("sampleRequest", "http!") },
  { heading: /^sample response$/i, extract: extractSample("sampleResponse", "http_") },
];

/** Runs the extractor each section's heading names; sections without one are skipped. */
export function extractSections(page: Page, sections: readonly Section[]): void {
  for (const section of sections) {
    for (const { heading, extract } of EXTRACTORS) {
      const match = section.title.match(heading);
      if (match) extract(page, section, match);
    }
  }
}

function extractPreamble(page: Page, section: Section): void {
  const pathBlock = section.nodes.find(
    (node): node is Code => node.type === "code" && node.lang === "http",
  );
  if (pathBlock) {
    const place = placeOf(pathBlock, page.file);
    const match = pathBlock.value.trim().match(/^([A-Z]+) (\/\S*)$/);
    if (!match?.[1] || !match[2]) {
      const message = `the path block must read \`METHOD /path\`, not \`${pathBlock.value}\``;
      throw pageMalformed(place, message);
    }
    page.request = { method: match[1], path: match[2], place };
  }
  page.intro = section.nodes
    .filter((node) => node.type === "paragraph")
    .map((node) => decodeEntities(nodeText(node)).trim());
  const table = firstTable(section);
  if (table) {
    const rows = readTable(table, page.file, "path part", ["Path Part", "Type", "Description"]);
    page.pathParts = rows.map((row) => parameter(row, true));
  }
}

function extractQuery(page: Page, section: Section): void {
  const table = requireTable(page, section, "query parameter");
  const columns = ["Parameter Name", "Type", "Description"];
  const rows = readTable(table, page.file, "query parameter", columns);
  page.query = rows.map((row) => parameter(row, true));
  for (const block of section.nodes) {
    if (block.type !== "code" || block.lang !== "http") continue;
    const start = placeOf(block, page.file);
    block.value.split("\n").forEach((line, index) => {
      // Note: the fence line comes first, so the block's first line sits one below its start.
      const place = { file: page.file, line: start.line + 1 + index, column: start.column };
      if (line.trim() !== "") page.queryExamples.push({ text: line, place });
    });
  }
}

function extractHeaders(page: Page, section: Section): void {
  const table = requireTable(page, section, "request header");
  const rows = readTable(table, page.file, "request header", ["Parameter Name", "Description"]);
  page.headers = rows.map((row) => parameter(row, false));
  const accept = rows.find((row) => row[0]?.text.toLowerCase() === "accept");
  page.mediaTypes = accept?.[1]?.codes ?? [];
}

function extractResponses(page: Page, section: Section): void {
  page.responseText = section.nodes
    .filter((node) => node.type === "paragraph")
    .map((node) => decodeEntities(nodeText(node)).trim())
    .join("\n");
  const table = requireTable(page, section, "response");
  const rows = readTable(table, page.file, "response", ["Response", "Description"]);
  page.responses = rows.map(([status, description]) => {
    if (!status || !description) throw new Error("readTable returned a short row");
    if (!/^[1-5][0-9][0-9]$/.test(status.text)) {
      throw pageMalformed(status.place, `\`${status.text}\` is not an HTTP status code`);
    }
    return { status: Number(status.text), description: description.text, place: status.place };
  });
}

function extractBody(page: Page, section: Section, match: RegExpMatchArray): void {
  const name = match[1] ?? "";
  const place = placeOf(section.heading, page.file);
  if (page.body) {
    throw pageMalformed(place, `a second body table \`${name}\`; a page defines one body type`);
  }
  const table = requireTable(page, section, "response body");
  const columns = ["Property Name", "Type", "Description"];
  const rows = readTable(table, page.file, "response body", columns, ["Description"]);
  const properties: PropertyModel[] = [];
  for (const [nameCell, typeCell, descriptionCell] of rows) {
    if (!nameCell || !typeCell || !descriptionCell) {
      throw new Error("readTable returned a short row");
    }
    const earlier = properties.find((property) => property.name === nameCell.text);
    if (earlier) {
      throw pageMalformed(
        nameCell.place,
        `duplicate property \`${nameCell.text}\` (first at line ${earlier.place.line})`,
      );
    }
    properties.push({
      name: nameCell.text,
      type: readType(typeCell.text, typeCell.place, page.kind === "operation"),
      typeText: typeCell.text,
      description: descriptionCell.text,
      place: nameCell.place,
      typePlace: typeCell.place,
    });
  }
  page.body = { name, properties, place };
}

function readType(text: string, place: Parameters<typeof pageMalformed>[0], coarse: boolean) {
  try {
    return parseTypeRef(text, coarse);
  } catch (error) {
    if (error instanceof TypeSyntaxError) throw pageMalformed(place, error.message);
    throw error;
  }
}

function extractSample(key: "sampleRequest" | "sampleResponse", lang: string): Extractor {
  return (page, section) => {
    const block = section.nodes.find(
      (node): node is Code => node.type === "code" && node.lang === lang,
    );
    if (!block) return;
    page[key] = { lang, text: block.value, place: placeOf(block, page.file) };
  };
}

function parameter(row: Rows[number], typed: boolean): ParameterModel {
  const [name, second, third] = row;
  if (!name || !second) throw new Error("readTable returned a short row");
  const description = typed ? third : second;
  return {
    name: name.text,
    ...(typed ? { typeText: second.text } : {}),
    description: description?.text ?? "",
    required: row.some((cell) => cell.required),
    place: name.place,
  };
}

function firstTable(section: Section): Table | undefined {
  return section.nodes.find((node): node is Table => node.type === "table");
}

function requireTable(page: Page, section: Section, what: string): Table {
  const table = firstTable(section);
  if (table) return table;
  const place = placeOf(section.heading, page.file);
  throw pageMalformed(place, `section \`${section.title}\` has no ${what} table`);
}
