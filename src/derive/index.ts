export { deriveSchemas, schemaForType, SCHEMA_BASE_URI } from "./derive-schemas.js";
export type { DerivedSchema } from "./derive-schemas.js";
export { writeSchemas, compareSchemas, isInSync } from "./schema-files.js";
export type { SchemaDrift } from "./schema-files.js";
export { nullableSchema, valueSchema, schemaFileName } from "./type-schema.js";
export type { JsonSchema } from "./type-schema.js";
export { DATE_TIME_PATTERN, DATE_TIME_WORDS, INT32_RANGE } from "./date-time.js";
