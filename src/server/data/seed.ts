import type { SeedIds } from "../index.js";
import { SEED_TICKETS, type SeedTicket } from "./tickets.js";

const BY_ID = new Map(SEED_TICKETS.map((seeded) => [seeded.entity.TicketId as number, seeded]));

/** Finds a seeded ticket by id. */
export function findSeedTicket(id: number): SeedTicket | undefined {
  return BY_ID.get(id);
}

/** Every seeded ticket id, in seed order. */
export function seedTicketIds(): number[] {
  return [...BY_ID.keys()];
}

/**
 * The ids the suite uses by default: the full ticket, the one with every relation empty, the
 * one with foreign keys, the non-ASCII one in summer time, and the largest int32 id.
 */
export const SEED: SeedIds = {
  existing: [1, 2, 7, 12, 2147483647],
  missing: 99,
  fk: 7,
};
