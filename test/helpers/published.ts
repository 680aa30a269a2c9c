import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const CHECKOUT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Where SuperOffice's published material lies beside the checkout (`seed/` holds the page as
 * fetched, `reference/` the official OpenAPI and Swagger files). It is data the tests compare
 * with, never shipped: `SO_PUBLISHED_DIR` points elsewhere, and tests skip when it is absent.
 */
export const PUBLISHED_DIR = process.env.SO_PUBLISHED_DIR ?? join(CHECKOUT, "..", "shared");

/** The path of a published file, or undefined when it is not on this machine. */
export function publishedFile(...parts: string[]): string | undefined {
  const path = join(PUBLISHED_DIR, ...parts);
  return existsSync(path) ? path : undefined;
}
