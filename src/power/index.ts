export { FAULTY } from "./faulty.js";
export { FAITHFUL } from "./faithful.js";
export { runVariant, referenceEnv } from "./measure.js";
export type { VariantResult } from "./measure.js";
export type { Variant } from "./variant.js";
