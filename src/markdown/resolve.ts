import type { PropertyModel, TypeModel } from "../model/operation.js";
import { pageError, pageMalformed } from "./page-error.js";
import { referencedNames, TYPE_GRAMMAR } from "./type-ref.js";

/**
 * Checks that every type reference names a known type and that no coarse `array`/`object`
 * is left unrefined. Throws ERR_CT_PAGE_TYPE_UNKNOWN with the cell's place.
 */
export function resolveTypes(types: Readonly<Record<string, TypeModel>>): void {
  const known = Object.keys(types).sort();
  for (const type of Object.values(types)) {
    for (const property of type.properties) {
      checkProperty(property, type, known);
    }
  }
}

function checkProperty(property: PropertyModel, owner: TypeModel, known: readonly string[]): void {
  if (property.type.kind === "coarse") {
    throw pageMalformed(
      property.typePlace ?? property.place,
      `\`${owner.name}.${property.name}\` is typed \`${property.type.name}\` and no refinement ` +
        `page narrows it (write it in spec/types/${owner.name}.md as X[] or map<X>)`,
    );
  }
  for (const name of referencedNames(property.type)) {
    if (known.includes(name)) continue;
    throw pageError(
      "ERR_CT_PAGE_TYPE_UNKNOWN",
      property.typePlace ?? property.place,
      `unknown type \`${name}\` for property \`${property.name}\` ` +
        `(allowed: ${TYPE_GRAMMAR}, or one of: ${known.join(", ")})`,
    );
  }
}
