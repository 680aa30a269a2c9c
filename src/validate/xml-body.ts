import { createRequire } from "node:module";
import type { X2jOptions, XMLParser, XMLValidator } from "fast-xml-parser";
import type { ScalarName, TypeRef } from "../model/operation.js";
import { ConformanceError } from "../model/errors.js";
import { parseTypeRef } from "../markdown/type-ref.js";
import type { SchemaDocument } from "./compile-schemas.js";
import { escapePointer } from "./ajv-violations.js";

/** An XML body read through the schema: root's local name, the value, what was unreadable. */
export interface XmlBody {
  root: string;
  value: unknown;
  problems: string[];
}

/** Looks a type's schema up by name. */
export type SchemaLookup = (typeName: string) => SchemaDocument | undefined;

/** A parsed element with `preserveOrder`: one key (the name) or `#text`/`#cdata`, plus `:@`. */
type XmlNode = Record<string, unknown>;

/** How elements are parsed: order kept, text untouched, declarations and PIs dropped. */
const PARSER_OPTIONS: X2jOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Note: entities are decoded here (built-ins and character references only), never by the
  // parser.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: "#cdata",
};

/** The XML library's parser and well-formedness check. */
interface XmlLibrary {
  parser: XMLParser;
  validator: typeof XMLValidator;
}

let library: XmlLibrary | undefined;

/** The XML library, loaded on first use: JSON-only corpora and workers never pay for it. */
function xmlLibrary(): XmlLibrary {
  if (library) return library;
  type Fxp = typeof import("fast-xml-parser");
  const fxp = createRequire(import.meta.url)("fast-xml-parser") as Fxp;
  library = { parser: new fxp.XMLParser(PARSER_OPTIONS), validator: fxp.XMLValidator };
  return library;
}

/** How text becomes a value for each scalar; `undefined` means the text does not fit. */
const SCALAR_READERS: Readonly<Record<ScalarName, (text: string) => unknown>> = {
  int32: (text) => (/^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined),
  int64: (text) => (/^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined),
  double: (text) =>
    /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text) ? Number(text) : undefined,
  bool: (text) => ({ true: true, false: false, "1": true, "0": false })[text],
  string: (text) => text,
  "date-time": (text) => text,
};

/**
 * Reads a DataContract-style XML body through the schema of `typeName`: types come from the
 * schema, never from how text looks; text is kept untrimmed; `<X/>` is `""`; `i:nil="true"`
 * is null; namespaces are ignored. DOCTYPE and ENTITY declarations are refused, so no entity
 * is ever expanded. Throws ConformanceError(ERR_CT_INPUT_MALFORMED) with line and column.
 */
export function readXmlThroughSchema(xml: string, typeName: string, lookup: SchemaLookup): XmlBody {
  refuseDeclarations(xml);
  const { parser, validator } = xmlLibrary();
  const verdict = validator.validate(xml);
  if (verdict !== true) {
    const { line, col, msg } = verdict.err;
    const message = `${line}:${col}: not well-formed XML: ${msg}`;
    throw new ConformanceError("ERR_CT_INPUT_MALFORMED", message);
  }
  const rootNode = parseNodes(parser, xml).find((node) => elementName(node) !== undefined);
  const root = rootNode ? (elementName(rootNode) as string) : "";
  if (!rootNode) {
    throw new ConformanceError("ERR_CT_INPUT_MALFORMED", "1:1: the XML has no root element");
  }
  const problems: string[] = [];
  const reader = new SchemaReader(lookup, problems);
  return { root, value: reader.read(rootNode, { kind: "ref", name: typeName }, ""), problems };
}

/**
 * Parses XML that passed the well-formedness check. The parser still refuses a few texts the
 * check lets by (a CDATA section left open after the root), and says so by throwing.
 */
function parseNodes(parser: XMLParser, xml: string): XmlNode[] {
  try {
    return parser.parse(xml) as XmlNode[];
  } catch (error) {
    const message = `not well-formed XML: ${(error as Error).message}`;
    throw new ConformanceError("ERR_CT_INPUT_MALFORMED", message, { cause: error });
  }
}

function refuseDeclarations(xml: string): void {
  const match = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (!match) return;
  const before = xml.slice(0, match.index).split("\n");
  const column = (before.at(-1)?.length ?? 0) + 1;
  throw new ConformanceError(
    "ERR_CT_INPUT_MALFORMED",
    `${before.length}:${column}: XML with a ${match[1]?.toUpperCase()} declaration is refused ` +
      `(entities are never expanded; a response body needs none)`,
  );
}

/** Walks elements alongside TypeRefs; collects unreadable text into `problems`. */
class SchemaReader {
  constructor(
    private readonly lookup: SchemaLookup,
    private readonly problems: string[],
  ) {}

  read(node: XmlNode, type: TypeRef, pointer: string): unknown {
    if (isNil(node)) return null;
    // Note: a table of readers keyed by kind; each narrows `type` to its own variant.
    const readers: { [K in TypeRef["kind"]]: (type: Extract<TypeRef, { kind: K }>) => unknown } = {
      scalar: (scalar) => this.readScalar(node, scalar, pointer),
      enum: () => textOf(node),
      ref: (ref) => this.readObject(node, ref.name, pointer),
      array: (array) => this.readArray(node, array.items, pointer),
      map: (map) => this.readMap(node, map.values, pointer),
      coarse: () => readUntyped(node),
    };
    return (readers[type.kind] as (type: TypeRef) => unknown)(type);
  }

  private readScalar(node: XmlNode, type: { name: ScalarName }, pointer: string): unknown {
    const text = textOf(node);
    const value = SCALAR_READERS[type.name](text);
    if (value !== undefined) return value;
    this.problems.push(`${pointer || "/"}: \`${text}\` is not a valid ${type.name}`);
    return text;
  }

  private readObject(node: XmlNode, typeName: string, pointer: string): unknown {
    const schema = this.lookup(typeName);
    const result: Record<string, unknown> = {};
    for (const child of childElements(node)) {
      const name = elementName(child) as string;
      const typeText = schema?.properties[name]?.["x-so-type"];
      const childPointer = `${pointer}/${escapePointer(name)}`;
      // Note: an undocumented element is kept, untyped, so validation reports it.
      result[name] = typeText
        ? this.read(child, parseTypeRef(typeText, false), childPointer)
        : readUntyped(child);
    }
    return result;
  }

  private readArray(node: XmlNode, items: TypeRef, pointer: string): unknown[] {
    const children = childElements(node);
    return children.map((child, index) => this.read(child, items, `${pointer}/${index}`));
  }

  private readMap(node: XmlNode, values: TypeRef, pointer: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const pair of childElements(node)) {
      const parts = childElements(pair);
      const key = parts.find((part) => elementName(part) === "Key");
      const value = parts.find((part) => elementName(part) === "Value");
      if (!key) {
        this.problems.push(`${pointer || "/"}: \`${elementName(pair)}\` has no \`Key\` element`);
        continue;
      }
      const name = textOf(key);
      result[name] = value ? this.read(value, values, `${pointer}/${escapePointer(name)}`) : null;
    }
    return result;
  }
}

/** An element without schema: text if it has no child elements, else an object of its children. */
function readUntyped(node: XmlNode): unknown {
  if (isNil(node)) return null;
  const children = childElements(node);
  if (children.length === 0) return textOf(node);
  return Object.fromEntries(children.map((child) => [elementName(child), readUntyped(child)]));
}

function elementName(node: XmlNode): string | undefined {
  const isElement = (key: string) => key !== ":@" && !key.startsWith("#") && !key.startsWith("?");
  return Object.keys(node).find(isElement);
}

function contentOf(node: XmlNode): XmlNode[] {
  const name = elementName(node);
  return name === undefined ? [] : ((node[name] as XmlNode[] | undefined) ?? []);
}

function childElements(node: XmlNode): XmlNode[] {
  return contentOf(node).filter((child) => elementName(child) !== undefined);
}

/** The element's text: text and CDATA children joined, untrimmed, entities decoded. */
function textOf(node: XmlNode): string {
  return contentOf(node)
    .map((child) => {
      if (typeof child["#text"] === "string") return decodeXmlEntities(child["#text"]);
      if (Array.isArray(child["#cdata"])) {
        return (child["#cdata"] as XmlNode[]).map((part) => String(part["#text"] ?? "")).join("");
      }
      return "";
    })
    .join("");
}

function isNil(node: XmlNode): boolean {
  const attributes = node[":@"] as Record<string, unknown> | undefined;
  return attributes?.["@_nil"] === "true";
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? "";
  });
}
