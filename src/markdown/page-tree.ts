import type { Nodes, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Place } from "../model/operation.js";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

/** Parses page text into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** The plain text of a node: text and inline code values, markup dropped. */
export function nodeText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return node.children.map((child) => nodeText(child)).join("");
  return "";
}

/** Where a node starts, or the fallback when the parser kept no position. */
export function placeOf(node: Nodes | undefined, file: string, fallback?: Place): Place {
  const start = node?.position?.start;
  if (start) return { file, line: start.line, column: start.column };
  return fallback ?? { file, line: 1, column: 1 };
}
