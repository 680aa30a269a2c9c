import type { Profile, Verdict } from "../model/finding.js";
import type { Operation } from "../model/operation.js";
import { DEFAULT_CREDENTIALS, SEED, startReferenceServer } from "../server/index.js";
import { referenceClientCredentials } from "../target/credentials.js";
import { openTarget } from "../target/index.js";
import { runRequirements } from "../run/engine.js";
import type { BodyValidators } from "../validate/index.js";
import type { Variant } from "./variant.js";

/** What running the suite against one variant showed. */
export interface VariantResult {
  name: string;
  kind: "faulty" | "faithful";
  fault: string;
  profile: Profile;
  /** For faulty variants, the requirement expected to catch it. */
  expected?: string;
  /** Requirements whose verdict was `fail` or `error`. */
  failed: string[];
  /** Faulty: the expected requirement failed. Faithful: nothing failed. */
  ok: boolean;
}

/** The environment a client of the reference server would set, from its default credentials. */
export function referenceEnv(): NodeJS.ProcessEnv {
  const { authorization, appToken, session } = referenceClientCredentials(DEFAULT_CREDENTIALS);
  return {
    SO_AUTHORIZATION: authorization,
    SO_APP_TOKEN: appToken,
    SO_XSRF_TOKEN: session?.xsrfToken,
    SO_COOKIE: session?.cookie,
  };
}

/** Runs the whole suite against the reference server wrapped by `variant`. */
export async function runVariant(
  variant: Variant,
  kind: "faulty" | "faithful",
  spec: { operation: Operation; validators: BodyValidators },
): Promise<VariantResult> {
  const profile = variant.profile ?? "strict";
  const server = await startReferenceServer({ wrap: variant.wrap });
  let verdicts: Verdict[] = [];
  try {
    const { target } = await openTarget({
      root: server.root,
      env: referenceEnv(),
      timeoutMs: 10_000,
      maxBodyBytes: 8 * 1024 * 1024,
      insecure: false,
      suiteVersion: "power",
    });
    try {
      verdicts = await runRequirements({
        target,
        ...spec,
        profile,
        tickets: SEED.existing,
        missingTicket: SEED.missing,
        fkTicket: SEED.fk,
      });
    } finally {
      await target.close();
    }
  } finally {
    await server.close();
  }
  const failed = verdicts
    .filter((v) => v.verdict === "fail" || v.verdict === "error")
    .map((v) => v.id);
  const ok = kind === "faulty" ? failed.includes(variant.catches ?? "") : failed.length === 0;
  return {
    name: variant.name, kind, fault: variant.fault, profile, failed, ok,
    ...(variant.catches ? { expected: variant.catches } : {}),
  };
}
