import type { PropertyModel, TypeModel, TypeRef } from "../model/operation.js";
import { formatPlace, pageMalformed } from "./page-error.js";
import { formatTypeRef } from "./type-ref.js";

/** The only changes a refinement may make: coarse kind on the page → precise kind. */
const NARROWINGS: ReadonlyArray<{ from: (type: TypeRef) => boolean; to: TypeRef["kind"] }> = [
  { from: (type) => type.kind === "scalar" && type.name === "string", to: "enum" },
  { from: (type) => type.kind === "coarse" && type.name === "array", to: "array" },
  { from: (type) => type.kind === "coarse" && type.name === "object", to: "map" },
];

const ALLOWED = "allowed: string → enum(…), array → X[], object → map<X>";

/**
 * Applies a refinement page to the published body type: each refined property takes the
 * narrower type (and the refinement's place, where that type is written). The published
 * description is kept. A refinement that widens, changes a kind or names an unknown property
 * throws ERR_CT_PAGE_MALFORMED naming both places.
 */
export function applyRefinement(published: TypeModel, refinement: TypeModel): TypeModel {
  const refined = new Map(refinement.properties.map((property) => [property.name, property]));
  for (const property of refinement.properties) {
    if (!published.properties.some((candidate) => candidate.name === property.name)) {
      throw pageMalformed(
        property.place,
        `refinement names \`${property.name}\`, which ${formatPlace(published.place)} does not ` +
          `document; a refinement may only narrow documented properties`,
      );
    }
  }
  const properties = published.properties.map((property): PropertyModel => {
    const narrower = refined.get(property.name);
    if (!narrower) return property;
    const kind = narrower.type.kind;
    const allowed = NARROWINGS.some(({ from, to }) => from(property.type) && kind === to);
    if (!allowed) {
      throw pageMalformed(
        narrower.typePlace ?? narrower.place,
        `refinement of \`${property.name}\` to \`${formatTypeRef(narrower.type)}\` ` +
          `does not narrow \`${property.typeText}\` ` +
          `at ${formatPlace(property.typePlace ?? property.place)} (${ALLOWED})`,
      );
    }
    return {
      ...property,
      type: narrower.type,
      typeText: narrower.typeText,
      place: narrower.place,
      ...(narrower.typePlace ? { typePlace: narrower.typePlace } : {}),
    };
  });
  return { ...published, properties };
}
