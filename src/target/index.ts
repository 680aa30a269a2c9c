import { debuglog } from "node:util";
import { ConformanceError } from "../model/errors.js";
import type { Target } from "../model/exchange.js";
import { DEFAULT_CREDENTIALS, SEED, startReferenceServer } from "../server/index.js";
import { readCassettes, type Cassette } from "./cassette.js";
import {
  credentialsFromEnv, referenceClientCredentials, secretsOf, type Credentials,
} from "./credentials.js";
import { createLiveTarget } from "./live.js";
import { createRecordingWire, createReplayWire } from "./recorded.js";
import { createAgents } from "./transport.js";

const log = debuglog("ct:target");

/** How `openTarget` chooses and sets up a target, from the command line's flags. */
export interface TargetOptions {
  /** `--target`; absent means the embedded reference server. */
  root?: string;
  record?: string;
  replay?: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  maxBodyBytes: number;
  insecure: boolean;
  /** The suite version, written into cassettes and checked on replay. */
  suiteVersion: string;
  /**
   * The ticket ids a live run uses. A recording stores them, so that its replay needs no
   * ticket flags; the reference server brings its own.
   */
  ids?: OpenedTarget["defaults"];
}

/** An opened target and the ticket ids to use when the user gave none. */
export interface OpenedTarget {
  target: Target;
  /** Ticket ids to use when the user gave none (the reference server's seed; empty otherwise). */
  defaults: { tickets: number[]; missingTicket?: number; fkTicket?: number };
}

const SUITE_NAME = "so-webapi-conformance";

/** Placeholders replay sends instead of credentials: ASCII, so they can go on the wire. */
function placeholderCredentials(kinds: Cassette["credentials"]): Credentials {
  const credentials: Credentials = {};
  if (kinds.scheme) credentials.authorization = `${kinds.scheme} cmVkYWN0ZWQ6cmVkYWN0ZWQ=`;
  if (kinds.appToken) credentials.appToken = "redacted-app-token";
  if (kinds.session) {
    credentials.session = {
      cookie: "session=redacted; XSRF-TOKEN=redacted", xsrfToken: "redacted",
    };
  }
  return credentials;
}

async function openReplay(dir: string, options: TargetOptions): Promise<OpenedTarget> {
  if (options.record) {
    throw new ConformanceError("ERR_CT_USAGE",
      "--record and --replay exclude each other; give one");
  }
  const cassettes = readCassettes(dir, options.suiteVersion);
  const first = [...cassettes.values()][0];
  if (!first) {
    throw new ConformanceError("ERR_CT_RECORDING_MISSING", `\`${dir}\` holds no cassettes`);
  }
  const wireOptions = {
    timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, agents: createAgents(),
  };
  const replay = await createReplayWire(dir, cassettes, wireOptions);
  log("replaying %d cassettes from %s (target %s)", cassettes.size, dir, first.target);
  const target = createLiveTarget({
    root: first.target, credentials: placeholderCredentials(first.credentials),
    timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, insecure: true,
    kind: "recorded", wire: replay.wire,
    onClose: async () => {
      wireOptions.agents.http.destroy();
      wireOptions.agents.https.destroy();
      await replay.close();
    },
  });
  return { target, defaults: first.defaults };
}

/** Where the requests go before recording wraps them: a live root or the reference server. */
async function openSource(options: TargetOptions): Promise<{
  root: string; credentials: Credentials; defaults: OpenedTarget["defaults"];
  kind: Target["kind"]; close: () => Promise<void>;
}> {
  if (options.root !== undefined) {
    return { root: options.root, credentials: credentialsFromEnv(options.env),
      defaults: options.ids ?? { tickets: [] }, kind: "live", close: async () => {} };
  }
  const server = await startReferenceServer({ host: "127.0.0.1", port: 0,
    config: { credentials: DEFAULT_CREDENTIALS } });
  log("reference server at %s", server.root);
  return {
    root: server.root, credentials: referenceClientCredentials(server.credentials),
    defaults: { tickets: [...SEED.existing], missingTicket: SEED.missing, fkTicket: SEED.fk },
    kind: "reference", close: () => server.close(),
  };
}

/** Opens the target the flags describe. Throws ConformanceError for bad flags or recordings. */
export async function openTarget(options: TargetOptions): Promise<OpenedTarget> {
  if (options.replay !== undefined) return openReplay(options.replay, options);
  const source = await openSource(options);
  const common = {
    root: source.root, credentials: source.credentials, timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes, insecure: options.insecure, kind: source.kind,
  };
  try {
    if (options.record === undefined) {
      const target = createLiveTarget({ ...common, onClose: source.close });
      return { target, defaults: source.defaults };
    }
    const agents = createAgents();
    const recording = await createRecordingWire({
      dir: options.record, root: source.root.replace(/\/+$/, ""),
      suite: { name: SUITE_NAME, version: options.suiteVersion },
      credentials: source.credentials, secrets: secretsOf(source.credentials),
      defaults: source.defaults,
      wire: { timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, agents },
    });
    const target = createLiveTarget({ ...common, wire: recording.wire, onClose: async () => {
      agents.http.destroy();
      agents.https.destroy();
      await recording.flush();
      await source.close();
    } });
    return { target, defaults: source.defaults };
  } catch (error) {
    await source.close();
    throw error;
  }
}
