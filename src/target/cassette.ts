import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConformanceError } from "../model/errors.js";
import type { OpenedTarget } from "./index.js";
import { CREDENTIAL_HEADERS } from "./redact.js";

/** The cassette format this suite writes and reads. */
export const CASSETTE_FORMAT = "so-conformance/cassette@1";

/** The request side of a recorded interaction: enough to match, nothing secret. */
export interface RecordedRequest {
  method: "GET";
  /** Path and query as sent. */
  path: string;
  /** The auth kind (`given:lower:send`, `none`, `raw:…`, `session:match`). */
  auth: string;
  /** The headers that are not credentials, names in lower case. */
  headers: Record<string, string>;
}

/** One request and its answer (or the error that stood in for one). */
export interface Interaction {
  request: RecordedRequest;
  /** Headers in lower case; several `Set-Cookie` lines are kept as a list. */
  response?: { status: number; headers: Record<string, string | string[]>; body: string };
  error?: { code: string; message: string };
}

/** All interactions of one requirement, as written to `DIR/<REQ-ID>.json`. */
export interface Cassette {
  format: typeof CASSETTE_FORMAT;
  suite: { name: string; version: string };
  /** The API root the recording was made against. */
  target: string;
  recordedAt: string;
  requirement: string;
  /** Which credentials were configured (never their values), so replay sends the same kinds. */
  credentials: { scheme?: string; appToken: boolean; session: boolean };
  defaults: OpenedTarget["defaults"];
  interactions: Interaction[];
}

/** The headers of a request that may be stored and matched: everything but credentials. */
export function matchableHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) kept[name.toLowerCase()] = value;
  }
  return Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)));
}

/** A request's identity for replay: method, path with query, auth kind and other headers. */
export function requestKey(request: RecordedRequest): string {
  const { method, path, auth, headers } = request;
  return JSON.stringify([method, path, auth, matchableHeaders(headers)]);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function isCassetteShape(value: unknown): value is Cassette {
  if (!isRecord(value)) return false;
  const cassette = value as Partial<Cassette>;
  return typeof cassette.requirement === "string" && typeof cassette.target === "string"
    && Array.isArray(cassette.interactions) && typeof cassette.suite?.version === "string"
    && isRecord(cassette.credentials) && Array.isArray(cassette.defaults?.tickets);
}

/** Whether recorded headers are text, or lists of text (several `Set-Cookie` lines). */
function isHeaderFields(value: unknown): boolean {
  const isText = (item: unknown) => typeof item === "string";
  return isRecord(value) && Object.values(value)
    .every((field) => isText(field) || (Array.isArray(field) && field.every(isText)));
}

/** Whether a recorded interaction can be matched and replayed (a hand-edited one may not). */
function isInteractionShape(value: unknown): value is Interaction {
  if (!isRecord(value) || !isRecord(value.request)) return false;
  const { path, auth, headers } = value.request;
  const response = value.response;
  const error = value.error;
  const answered = isRecord(response) && typeof response.status === "number"
    && isHeaderFields(response.headers) && typeof response.body === "string";
  const failed = isRecord(error) && typeof error.code === "string"
    && typeof error.message === "string";
  return typeof path === "string" && typeof auth === "string" && isRecord(headers)
    && (answered || failed);
}

/**
 * Reads every cassette in a folder, by requirement. Throws ERR_CT_RECORDING_MALFORMED for a
 * file that is not a cassette and ERR_CT_RECORDING_STALE for one of another version or format.
 */
export function readCassettes(dir: string, suiteVersion: string): Map<string, Cassette> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith(".json")).sort();
  } catch (error) {
    throw new ConformanceError("ERR_CT_RECORDING_MISSING",
      `cannot read the recordings folder \`${dir}\`: ${(error as Error).message}`,
      { cause: error });
  }
  if (files.length === 0) {
    throw new ConformanceError("ERR_CT_RECORDING_MISSING",
      `\`${dir}\` holds no cassettes (<REQ-ID>.json); record some with --record ${dir}`);
  }
  const cassettes = new Map<string, Cassette>();
  for (const file of files) {
    const path = join(dir, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new ConformanceError("ERR_CT_RECORDING_MALFORMED",
        `\`${path}\` is not valid JSON (${(error as Error).message}); re-record it`,
        { cause: error });
    }
    if (!isCassetteShape(parsed)) {
      throw new ConformanceError("ERR_CT_RECORDING_MALFORMED",
        `\`${path}\` is not a cassette: it needs requirement, target, suite.version, ` +
        "credentials, defaults.tickets and interactions");
    }
    const broken = parsed.interactions.findIndex((interaction) => !isInteractionShape(interaction));
    if (broken >= 0) {
      throw new ConformanceError("ERR_CT_RECORDING_MALFORMED",
        `\`${path}\` interaction ${broken + 1} is not a recorded exchange: it needs ` +
        "request.path, request.auth, request.headers and a response (status, headers of text " +
        "or lists of text, body) " +
        "or an error; re-record it");
    }
    if (parsed.format !== CASSETTE_FORMAT || parsed.suite.version !== suiteVersion) {
      throw new ConformanceError("ERR_CT_RECORDING_STALE",
        `\`${path}\` was recorded by suite version ${parsed.suite.version} (format ` +
        `${String(parsed.format)}); this is version ${suiteVersion} (format ${CASSETTE_FORMAT}): ` +
        "record it again");
    }
    cassettes.set(parsed.requirement, parsed);
  }
  return cassettes;
}
