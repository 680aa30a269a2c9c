import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { debuglog } from "node:util";
import { ConformanceError, ErrorCodes } from "../model/errors.js";
import type { RequestSpec } from "../model/exchange.js";
import { describeAuth } from "./auth-headers.js";
import {
  CASSETTE_FORMAT, matchableHeaders, requestKey,
  type Cassette, type Interaction, type RecordedRequest,
} from "./cassette.js";
import type { Credentials } from "./credentials.js";
import type { Wire } from "./live.js";
import { REDACTED, redactHeaderFields, redactText } from "./redact.js";
import { sendOnWire, type WireOptions, type WireResult } from "./transport.js";
import { ensureDirectory } from "../util/ensure-directory.js";

const log = debuglog("ct:target:recorded");

/**
 * Headers a replay leaves out. Framing is nock's to set (redaction may change the body's
 * length), and the cassette holds the body decoded, so replay must not claim an encoding.
 */
const FRAMING_HEADERS = new Set([
  "content-length", "transfer-encoding", "connection", "content-encoding",
]);

type Nock = typeof import("nock");

/** The requirement a request label belongs to: `FK-2#3` → `FK-2`. */
export function requirementOfLabel(label: string): string {
  return label.replace(/#\d+$/, "");
}

function recordedRequest(
  url: string,
  headers: Record<string, string>,
  spec: RequestSpec,
): RecordedRequest {
  const target = new URL(url);
  return {
    method: "GET",
    path: `${target.pathname}${target.search}`,
    auth: describeAuth(spec.auth ?? { kind: "given" }),
    headers: matchableHeaders(headers),
  };
}

/** What a cassette records about the credentials: their kinds, never their values. */
export function credentialKinds(credentials: Credentials): Cassette["credentials"] {
  const kinds: Cassette["credentials"] = {
    appToken: credentials.appToken !== undefined,
    session: credentials.session !== undefined,
  };
  const scheme = credentials.authorization?.split(" ")[0];
  if (scheme) kinds.scheme = scheme;
  return kinds;
}

/** What a recording session needs to know to write its cassettes. */
export interface RecordingOptions {
  dir: string;
  root: string;
  suite: { name: string; version: string };
  credentials: Credentials;
  secrets: readonly string[];
  defaults: Cassette["defaults"];
  wire: WireOptions;
}

/** Response headers for a cassette: one value stays text, several `Set-Cookie` lines a list. */
function cassetteHeaders(
  result: WireResult & { response: NonNullable<WireResult["response"]> },
  secrets: readonly string[],
): Record<string, string | string[]> {
  const fields = Object.fromEntries(Object.entries(result.fields ?? result.response.headers)
    .map(([name, value]) => [name, Array.isArray(value) && value.length === 1 ? value[0] : value]));
  return redactHeaderFields(fields, secrets);
}

/**
 * A wire that sends for real and keeps each interaction, secrets already replaced, under the
 * requirement that asked. `flush` writes one cassette per requirement.
 */
export async function createRecordingWire(
  options: RecordingOptions,
): Promise<{ wire: Wire; flush: () => Promise<void> }> {
  // Note: the folder is made before any traffic, so a recording that cannot be kept stops the
  // run at once instead of being lost at its end.
  const problem = ensureDirectory(options.dir);
  if (problem !== undefined) {
    throw new ConformanceError("ERR_CT_USAGE",
      `\`--record\` ${options.dir} cannot hold cassettes: ${problem}`);
  }
  const byRequirement = new Map<string, Interaction[]>();

  const wire: Wire = async (url, headers, spec, label, signal) => {
    const result = await sendOnWire(url, headers, options.wire, signal);
    const interaction: Interaction = { request: recordedRequest(url, headers, spec) };
    if (result.response) {
      // Note: the body is kept as decoded text, which is what the checks judged. The headers
      // come from the wire as parsed (not from nock's recorder, which keeps one Set-Cookie).
      interaction.response = {
        status: result.response.status,
        headers: cassetteHeaders({ ...result, response: result.response }, options.secrets),
        body: redactText(result.response.body, options.secrets),
      };
    }
    if (result.error) {
      const message = redactText(result.error.message, options.secrets);
      interaction.error = { ...result.error, message };
    }
    const requirement = requirementOfLabel(label);
    byRequirement.set(requirement, [...(byRequirement.get(requirement) ?? []), interaction]);
    return result;
  };

  const flush = async () => {
    const recordedAt = new Date().toISOString();
    for (const [requirement, interactions] of byRequirement) {
      const cassette: Cassette = {
        format: CASSETTE_FORMAT, suite: options.suite, target: options.root, recordedAt,
        requirement,
        credentials: credentialKinds(options.credentials), defaults: options.defaults, interactions,
      };
      const text = redactText(JSON.stringify(cassette, null, 2), options.secrets);
      writeFileSync(join(options.dir, `${requirement}.json`), `${text}\n`);
      log("wrote %s (%d interactions)", requirement, interactions.length);
    }
  };
  return { wire, flush };
}

// TODO(one replay per process): nock's interceptors are process-wide, so two replayed runs
// must not overlap in one process.
/**
 * A wire that answers from cassettes with the network locked: each request is served by the
 * next interaction of its requirement's cassette, through a one-shot nock interceptor. A
 * request that is not recorded gets an ERR_CT_RECORDING_MISSING error, never a live call.
 */
export async function createReplayWire(
  dir: string,
  cassettes: ReadonlyMap<string, Cassette>,
  wireOptions: WireOptions,
): Promise<{ wire: Wire; close: () => Promise<void> }> {
  const { default: nock } = (await import("nock")) as { default: Nock };
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  const cursors = new Map<string, number>();

  const missing = (requirement: string, request: RecordedRequest, why: string): WireResult => ({
    error: { code: ErrorCodes.ERR_CT_RECORDING_MISSING,
      message: `no recording for ${requirement}: GET ${request.path} (auth ${request.auth}) ` +
        `${why} in \`${dir}\`` },
  });

  const wire: Wire = async (url, headers, spec, label, signal) => {
    const requirement = requirementOfLabel(label);
    const request = recordedRequest(url, headers, spec);
    const cassette = cassettes.get(requirement);
    if (!cassette) return missing(requirement, request, `(there is no ${requirement}.json)`);
    const index = cursors.get(requirement) ?? 0;
    const interaction = cassette.interactions[index];
    if (!interaction) {
      return missing(requirement, request, `(its ${index} recorded requests are used up)`);
    }
    if (requestKey(interaction.request) !== requestKey(request)) {
      return missing(requirement, request,
        `(request ${index + 1} was recorded as GET ${interaction.request.path} ` +
        `with auth ${interaction.request.auth})`);
    }
    cursors.set(requirement, index + 1);
    if (interaction.error || !interaction.response) {
      return { error: interaction.error ?? { code: ErrorCodes.ERR_CT_RECORDING_MALFORMED,
        message: `${requirement}.json: interaction ${index + 1} has neither response nor error` } };
    }
    const { status, headers: responseHeaders, body } = interaction.response;
    const origin = new URL(url).origin;
    // Note: framing headers are left to nock: redaction may have changed the body's length.
    // Note: header values must be Latin-1 on the wire, so the redaction mark goes out in ASCII.
    // Note: raw name/value pairs, so that each recorded Set-Cookie goes out as its own line.
    const replayHeaders = Object.entries(responseHeaders)
      .filter(([name]) => !FRAMING_HEADERS.has(name.toLowerCase()))
      .flatMap(([name, value]) => [value].flat()
        .flatMap((line) => [name, line.replaceAll(REDACTED, "(redacted)")]));
    nock(origin).get((uri) => uri === request.path).reply(status, body, replayHeaders);
    return sendOnWire(url, headers, wireOptions, signal);
  };

  const close = async () => {
    nock.cleanAll();
    nock.enableNetConnect();
  };
  return { wire, close };
}
