import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { debuglog } from "node:util";
import { ConformanceError } from "../model/errors.js";
import type { Operation, TypeModel } from "../model/operation.js";
import type { Page } from "./page.js";
import { pageMalformed } from "./page-error.js";
import { parsePage } from "./parse-page.js";
import { applyRefinement } from "./refine.js";
import { findRepoRoot } from "./repo-root.js";
import { resolveTypes } from "./resolve.js";

const log = debuglog("ct:markdown");

/** Pages in the spec folder that are notes, not contract. */
const NOT_PAGES = new Set(["SOURCE.md", "README.md", "NOTES.md"]);

/** The default spec folder of the checkout. */
export function defaultSpecDir(): string {
  return join(findRepoRoot(), "spec");
}

/**
 * Reads the operation page and every `types/*.md` under `specDir`, applies the refinement of
 * the body type, resolves every type reference and returns one Operation. Places name files
 * relative to the spec folder's parent (`spec/types/Sale.md`).
 */
export function loadSpec(specDir: string = defaultSpecDir()): Operation {
  const root = resolve(specDir);
  const base = dirname(root);
  const operationFile = findOperationFile(root);
  const bytes = readFileSync(operationFile);
  const page = parsePage(bytes.toString("utf8"), displayName(base, operationFile), "operation");
  const types = readTypePages(root, base);
  const carrier = buildCarrier(page, types);
  types[carrier.name] = carrier;
  resolveTypes(types);
  log("loaded %s with %d types", page.file, Object.keys(types).length);
  return toOperation(page, carrier, types, createHash("sha256").update(bytes).digest("hex"));
}

function findOperationFile(root: string): string {
  const candidates = listMarkdown(root).filter((name) => !NOT_PAGES.has(name));
  if (candidates.length !== 1 || !candidates[0]) {
    throw new ConformanceError(
      "ERR_CT_PAGE_MALFORMED",
      `${root}: expected exactly one operation page (*.md besides ${[...NOT_PAGES].join(", ")}), ` +
        `found ${candidates.length === 0 ? "none" : candidates.join(", ")}`,
    );
  }
  return join(root, candidates[0]);
}

function readTypePages(root: string, base: string): Record<string, TypeModel> {
  const folder = join(root, "types");
  const types: Record<string, TypeModel> = {};
  for (const name of listMarkdown(folder)) {
    const file = join(folder, name);
    const page = parsePage(readFileSync(file, "utf8"), displayName(base, file));
    const body = page.body as TypeModel;
    if (body.name !== basename(name, ".md")) {
      const message = `the body type \`${body.name}\` must match the file name \`${name}\``;
      throw pageMalformed(body.place, message);
    }
    types[body.name] = { ...body, description: page.intro.join("\n\n") };
  }
  return types;
}

/** The published body type with the refinement page (same name) applied. */
function buildCarrier(page: Page, types: Record<string, TypeModel>): TypeModel {
  const published = page.body as TypeModel;
  const refinement = types[published.name];
  const description = `The body of a ${page.responses[0]?.status ?? 200} answer to ` +
    `\`${page.request?.method} ${page.request?.path}\`: ${page.responses[0]?.description ?? ""}`;
  const carrier = { ...published, description: description.trim() };
  return refinement ? applyRefinement(carrier, refinement) : carrier;
}

function toOperation(
  page: Page,
  carrier: TypeModel,
  types: Record<string, TypeModel>,
  sha256: string,
): Operation {
  const request = page.request as NonNullable<Page["request"]>;
  return {
    uid: page.uid,
    title: page.title,
    frontMatter: page.frontMatter,
    method: request.method,
    path: request.path,
    summary: page.intro[0] ?? "",
    pathParts: page.pathParts,
    query: page.query,
    queryExamples: page.queryExamples,
    headers: page.headers,
    mediaTypes: page.mediaTypes,
    responses: page.responses,
    bodyType: carrier.name,
    types: sortByName(types),
    ...(page.sampleRequest ? { sampleRequest: page.sampleRequest } : {}),
    ...(page.sampleResponse ? { sampleResponse: page.sampleResponse } : {}),
    source: { file: page.file, sha256 },
  };
}

function sortByName(types: Record<string, TypeModel>): Record<string, TypeModel> {
  return Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b, "en")));
}

function listMarkdown(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => name.endsWith(".md")).sort();
  } catch (error) {
    throw new ConformanceError("ERR_CT_PAGE_MALFORMED", `${folder}: cannot read the spec folder`, {
      cause: error,
    });
  }
}

/** `spec/types/Sale.md`: relative to the spec folder's parent, with forward slashes. */
function displayName(base: string, file: string): string {
  return relative(base, file).split(sep).join("/");
}
