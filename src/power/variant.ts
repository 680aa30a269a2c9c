import type { Profile } from "../model/finding.js";
import type { Handler } from "../server/index.js";

/** A server that differs from the reference in one way. */
export interface Variant {
  /** kebab-case, stable. */
  name: string;
  /** What the variant does differently, in one sentence. */
  fault: string;
  /** For faulty variants: the requirement whose statement the fault breaks. */
  catches?: string;
  /** The profile the suite runs under; faulty variants and faithful ones default to strict. */
  profile?: Profile;
  wrap: (inner: Handler) => Handler;
}
