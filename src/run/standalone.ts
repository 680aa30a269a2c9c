import { loadSpec, suiteVersion } from "../markdown/index.js";
import { ConformanceError } from "../model/errors.js";
import type { Profile } from "../model/finding.js";
import { openTarget, type OpenedTarget } from "../target/index.js";
import { loadValidators } from "../validate/index.js";
import { UNLIKELY_TICKET } from "./engine.js";
import { selectRequirements } from "./select-requirements.js";
import type { Bdd, RegisterSuite, SuiteSource } from "./harness.js";
import { createRunSession, type RunSession } from "./session.js";

/**
 * How many engine imports are under way. Note: kept on globalThis, because a test runner may
 * load this module twice (once as CommonJS, once as ESM) and each copy has its own variables.
 */
const ENGINE_LOADS = Symbol.for("so-conformance.engine-loads");
type WithEngineLoads = { [ENGINE_LOADS]?: number };

function engineLoads(): number {
  return (globalThis as WithEngineLoads)[ENGINE_LOADS] ?? 0;
}

/** Runs an import on the engine's behalf: suite files loaded inside it do not self-register. */
export async function importForEngine<T>(load: () => Promise<T>): Promise<T> {
  const counter = globalThis as WithEngineLoads;
  counter[ENGINE_LOADS] = engineLoads() + 1;
  try {
    return await load();
  } finally {
    counter[ENGINE_LOADS] = engineLoads() - 1;
  }
}

function numberList(text: string | undefined): number[] {
  return (text ?? "").split(",").map((part) => part.trim()).filter(Boolean).map(Number);
}

function numberOrUndefined(text: string | undefined): number | undefined {
  return text === undefined || text.trim() === "" ? undefined : Number(text);
}


let standaloneSession: RunSession | undefined;
let opened: OpenedTarget | undefined;
let hooksRegistered = false;

/** Opens the standalone run from the environment (`SO_TARGET`, `SO_TICKETS`, …). */
async function openStandalone(env: NodeJS.ProcessEnv): Promise<RunSession> {
  const profile = (env.SO_PROFILE ?? "lenient") as Profile;
  if (profile !== "lenient" && profile !== "strict") {
    throw new ConformanceError("ERR_CT_USAGE",
      `SO_PROFILE is \`${profile}\`; use lenient or strict`);
  }
  const targetOptions = {
    env, timeoutMs: Number(env.SO_TIMEOUT_MS ?? 10_000), maxBodyBytes: 5 * 1024 * 1024,
    insecure: env.SO_INSECURE === "1", suiteVersion: suiteVersion(),
    ...(env.SO_TARGET ? { root: env.SO_TARGET } : {}),
    ...(env.SO_RECORD ? { record: env.SO_RECORD } : {}),
    ...(env.SO_REPLAY ? { replay: env.SO_REPLAY } : {}),
  };
  opened = await openTarget(targetOptions);
  const given = numberList(env.SO_TICKETS);
  const fkTicket = numberOrUndefined(env.SO_FK_TICKET) ?? opened.defaults.fkTicket;
  const options = {
    target: opened.target, operation: loadSpec(), validators: loadValidators(), profile,
    tickets: given.length > 0 ? given : opened.defaults.tickets,
    missingTicket: numberOrUndefined(env.SO_MISSING_TICKET)
      ?? opened.defaults.missingTicket ?? UNLIKELY_TICKET,
    ...(fkTicket === undefined ? {} : { fkTicket }),
  };
  return createRunSession(options, selectRequirements(only(env)));
}

function only(env: NodeJS.ProcessEnv): string[] | undefined {
  const list = (env.SO_ONLY ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/**
 * Lets a suite file run under the mocha command line (`npx mocha suites/*.suite.ts`): when
 * mocha loads it (not the engine), it registers itself on mocha's globals against a run
 * opened from the environment.
 */
export function registerWhenStandalone(register: RegisterSuite): void {
  const bdd = globalThis as unknown as Partial<Bdd>;
  if (engineLoads() > 0 || typeof bdd.describe !== "function") return;
  const selected = new Set(selectRequirements(only(process.env)).map((r) => r.id));
  const source: SuiteSource = {
    session: () => {
      if (!standaloneSession) throw new Error("the standalone run is not open yet");
      return standaloneSession;
    },
    selects: (id) => selected.has(id),
  };
  if (!hooksRegistered) {
    hooksRegistered = true;
    bdd.before?.(async () => { standaloneSession = await openStandalone(process.env); });
    bdd.after?.(async () => { await opened?.target.close(); });
  }
  register(bdd as Bdd, source);
}
