import type { Nodes, Table, TableCell } from "mdast";
import type { Place } from "../model/operation.js";
import { decodeEntities } from "./entities.js";
import { pageMalformed } from "./page-error.js";
import { nodeText, placeOf } from "./page-tree.js";

/** One cell of a page table, read. */
export interface Cell {
  /** The text with entities decoded and `**Required**` removed, trimmed. */
  text: string;
  /** Where the cell's content starts. */
  place: Place;
  /** Values of inline code spans in the cell, in order (the `Accept` row lists media types). */
  codes: string[];
  /** Whether the cell marks its row `**Required**`. */
  required: boolean;
}

/** A table's body rows, each with exactly the expected columns. */
export type Rows = Cell[][];

/**
 * Reads a table whose header must name `columns` in order (case and spacing ignored). Every
 * cell must be present and, except in `optional` columns, non-empty.
 */
export function readTable(
  table: Table,
  file: string,
  what: string,
  columns: readonly string[],
  optional: readonly string[] = [],
): Rows {
  const [header, ...body] = table.children;
  const headerTexts = (header?.children ?? []).map((cell) => nodeText(cell).trim());
  if (normalize(headerTexts) !== normalize(columns)) {
    throw pageMalformed(
      placeOf(header ?? table, file),
      `the ${what} table has columns ${quoteAll(headerTexts)}; expected ${quoteAll(columns)}`,
    );
  }
  return body.map((row) =>
    columns.map((column, index) => {
      const cell = row.children[index];
      const read = cell ? readCell(cell, file) : undefined;
      if (read === undefined || (read.text === "" && !optional.includes(column))) {
        const place = read?.place ?? placeOf(row, file);
        throw pageMalformed(place, `empty \`${column}\` cell in the ${what} table`);
      }
      return read;
    }),
  );
}

function readCell(cell: TableCell, file: string): Cell {
  const required = cell.children.some(
    (child) => child.type === "strong" && nodeText(child).trim() === "Required",
  );
  const kept = cell.children.filter(
    (child) => !(child.type === "strong" && nodeText(child).trim() === "Required"),
  );
  return {
    text: decodeEntities(kept.map((child) => nodeText(child)).join("")).trim(),
    place: placeOf(kept[0] ?? cell, file),
    codes: collectCodes(cell),
    required,
  };
}

function collectCodes(node: Nodes): string[] {
  if (node.type === "inlineCode") return [node.value];
  if (!("children" in node)) return [];
  return node.children.flatMap((child) => collectCodes(child));
}

function normalize(texts: readonly string[]): string {
  return texts.map((text) => text.replace(/\s+/g, " ").toLowerCase()).join("|");
}

function quoteAll(texts: readonly string[]): string {
  return texts.map((text) => `\`${text}\``).join(", ");
}
