import { ConformanceError } from "../model/errors.js";
import { compileSchemas, type CompiledSchemas } from "./compile-schemas.js";
import { readSchemaDocuments } from "./load-validators.js";
import { readXmlThroughSchema } from "./xml-body.js";

export type { Violation } from "./violation.js";
export { severityOf } from "./violation.js";
export type { BodyValidators } from "./load-validators.js";
export {
  loadValidators,
  validatorsFrom,
  readSchemaDocuments,
  defaultSchemasDir,
} from "./load-validators.js";
export { compileSchemas } from "./compile-schemas.js";
export type { CompiledSchemas, CompiledValidator, SchemaDocument } from "./compile-schemas.js";
export { readXmlThroughSchema } from "./xml-body.js";
export type { XmlBody, SchemaLookup } from "./xml-body.js";
export { validateBodyText } from "./validate-body.js";
export type { BodyFormat, BodyOptions, BodyReport } from "./validate-body.js";
export { parseJsonBody, decodeUtf8, locateJsonError, lineColumnAt } from "./json-text.js";
export { BYTE_ORDER_MARK_REASON, startsWithByteOrderMark } from "./json-text.js";
export { allowedWords } from "./allowed-words.js";

let defaultSchemas: CompiledSchemas | undefined;

/**
 * Reads a DataContract-style XML body through the schema of `typeName` (from the checkout's
 * `schemas/`): types come from the schema, never from how text looks. Throws
 * ConformanceError(ERR_CT_INPUT_MALFORMED) when the XML is not well formed. Entities are never
 * expanded.
 */
export function readXmlBody(
  xml: string,
  typeName: string,
): { root: string; value: unknown; problems: string[] } {
  defaultSchemas ??= compileSchemas(readSchemaDocuments());
  const schemas = defaultSchemas;
  if (!schemas.schemaFor(typeName)) {
    throw new ConformanceError(
      "ERR_CT_USAGE",
      `unknown type \`${typeName}\` (known types: ${schemas.types.join(", ")})`,
    );
  }
  return readXmlThroughSchema(xml, typeName, (name) => schemas.schemaFor(name));
}
