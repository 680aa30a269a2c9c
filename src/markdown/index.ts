export { loadSpec, defaultSpecDir } from "./load-spec.js";
export { parsePage } from "./parse-page.js";
export type { Page, PageKind, ExampleLine } from "./page.js";
export { parseTypeRef, formatTypeRef, SCALAR_NAMES, TYPE_GRAMMAR } from "./type-ref.js";
export { decodeEntities } from "./entities.js";
export { formatPlace } from "./page-error.js";
export { findRepoRoot, suiteVersion } from "./repo-root.js";
