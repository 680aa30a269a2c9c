export { compileSchemaSet, generateStandaloneModule, type ValidateFunctions } from "./compile.js";
export {
  createBodyValidators,
  defaultGeneratedPath,
  loadValidateFunctions,
  toBodyValidators,
  type LoadedFunctions,
  type ValidatorSource,
} from "./load.js";
export { defaultSchemasDir, readSchemaSet, typeNameOf, type SchemaFile, type SchemaSet } from "./schema-set.js";
export { describeAllowed, toViolations, truncateValue } from "./violations.js";
