export { generateStandaloneModule } from "./compile.js";
export { defaultGeneratedPath, loadCompiledSchemas, type LoadedSchemas } from "./load.js";
export { readSchemaSet, schemasDirOf, type SchemaSet } from "./schema-set.js";
