import { REQUIREMENTS, type Requirement } from "../checks/requirements.js";
import { ConformanceError } from "../model/errors.js";

/**
 * The requirements `only` names, by area (`SELECT`) or id (`FK-2`), in catalogue order; all
 * when `only` is absent or empty. An unknown name is a usage error.
 */
export function selectRequirements(only: readonly string[] | undefined): Requirement[] {
  if (!only || only.length === 0) return [...REQUIREMENTS];
  const wanted = only.map((name) => name.trim().toUpperCase());
  const known = (name: string) => REQUIREMENTS.some((r) => r.area === name || r.id === name);
  const unknown = wanted.filter((name) => !known(name));
  if (unknown.length > 0) {
    const areas = [...new Set(REQUIREMENTS.map((r) => r.area))].join(", ");
    throw new ConformanceError("ERR_CT_USAGE",
      `--only names ${unknown.map((n) => `\`${n}\``).join(", ")}, which is neither an area ` +
      `(${areas}) nor a requirement id (such as FK-2)`);
  }
  return REQUIREMENTS.filter((r) => wanted.includes(r.area) || wanted.includes(r.id));
}
