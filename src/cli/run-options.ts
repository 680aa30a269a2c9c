import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { REQUIREMENTS } from "../checks/requirements.js";
import { ConformanceError } from "../model/errors.js";
import type { Profile } from "../model/finding.js";
import { readSigningKey } from "../report/seal.js";

/** The `run` command's flags, checked and converted. */
export interface RunSettings {
  target?: string;
  tickets: number[];
  missingTicket?: number;
  fkTicket?: number;
  profile: Profile;
  only?: string[];
  /** Absolute: `--out` resolved against the working directory. */
  outDir: string;
  record?: string;
  replay?: string;
  timeoutMs: number;
  runTimeoutMs: number;
  maxBodyBytes: number;
  insecure: boolean;
  /** The Ed25519 private key's PEM text, read before the run starts. */
  signKey?: string;
  output: "quiet" | "normal" | "verbose";
}

const EXAMPLE_ROOT = "https://host/Cust123/api";
const INT32_MAX = 2147483647;
const AREAS = [...new Set(REQUIREMENTS.map((requirement) => requirement.area))];

/** Checks the raw flags commander collected; a bad one is a ConformanceError(ERR_CT_USAGE). */
export function parseRunOptions(raw: Record<string, unknown>, cwd: string): RunSettings {
  const text = (name: string) => (typeof raw[name] === "string" ? raw[name] : undefined);
  if (text("record") !== undefined && text("replay") !== undefined) {
    throw usage("`--record` and `--replay` exclude each other: record live traffic, or replay it");
  }
  if (raw.quiet && raw.verbose) throw usage("`--quiet` and `--verbose` exclude each other");

  const target = text("target") === undefined ? undefined : parseTarget(text("target")!);
  const tickets = ((raw.ticket as string[] | undefined) ?? []).map((id) => parseId("--ticket", id));
  if (target !== undefined && text("replay") === undefined && tickets.length === 0) {
    throw usage("a live `--target` needs at least one `--ticket ID` of a ticket that exists there");
  }

  const settings: RunSettings = {
    tickets,
    profile: raw.profile === "strict" ? "strict" : "lenient",
    outDir: resolve(cwd, nonEmpty("--out", text("out") ?? "reports")),
    timeoutMs: parsePositive("--timeout", text("timeout") ?? "10000"),
    runTimeoutMs: parsePositive("--run-timeout", text("runTimeout") ?? "600000"),
    maxBodyBytes: parsePositive("--max-body", text("maxBody") ?? String(8 * 1024 * 1024)),
    insecure: raw.insecure === true,
    output: raw.quiet ? "quiet" : raw.verbose ? "verbose" : "normal",
  };
  if (target !== undefined) settings.target = target;
  const missing = text("missingTicket");
  if (missing !== undefined) settings.missingTicket = parseId("--missing-ticket", missing);
  if (text("fkTicket") !== undefined) settings.fkTicket = parseId("--fk-ticket", text("fkTicket")!);
  if (text("only") !== undefined) settings.only = parseOnly(text("only")!);
  for (const flag of ["record", "replay"] as const) {
    const folder = text(flag);
    if (folder !== undefined) settings[flag] = resolve(cwd, nonEmpty(`--${flag}`, folder));
  }
  if (text("signKey") !== undefined) settings.signKey = readKeyFile(resolve(cwd, text("signKey")!));
  return settings;
}

function parseTarget(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage(`\`--target\` \`${value}\` is not a URL; give the API root, e.g. ${EXAMPLE_ROOT}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const scheme = url.protocol.slice(0, -1);
    throw usage(`\`--target\` \`${value}\` uses ${scheme}; only http and https are allowed`);
  }
  if (url.username || url.password) {
    throw usage("`--target` must not carry credentials; set SO_AUTHORIZATION in the environment");
  }
  return value.replace(/\/+$/, "");
}

/** A ticket id: the auto-incremented primary key, so a positive int32. */
function parseId(flag: string, value: string): number {
  const id = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1 || id > INT32_MAX) {
    throw usage(
      `\`${flag}\` \`${value}\` is not a ticket id: a whole number from 1 to ${INT32_MAX}`);
  }
  return id;
}

function parsePositive(flag: string, value: string): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw usage(`\`${flag}\` \`${value}\` is not a positive whole number`);
  }
  return number;
}

function parseOnly(value: string): string[] {
  const ids = new Set(REQUIREMENTS.map((requirement) => requirement.id));
  const parts = value.split(",").map((part) => part.trim().toUpperCase()).filter(Boolean);
  if (parts.length === 0) throw usage(`\`--only\` is empty; allowed areas: ${AREAS.join(", ")}`);
  for (const part of parts) {
    if (!AREAS.includes(part as (typeof AREAS)[number]) && !ids.has(part)) {
      throw usage(
        `\`--only\` names \`${part}\`, which is neither an area nor a requirement id; ` +
          `allowed areas: ${AREAS.join(", ")} (or ids such as STATUS-1)`,
      );
    }
  }
  return parts;
}

function readKeyFile(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw usage(`\`--sign-key\` ${path} cannot be read: ${code}`);
  }
  readSigningKey(pem);
  return pem;
}

/** A folder flag's value; an empty one would quietly mean the working directory. */
function nonEmpty(flag: string, value: string): string {
  if (value.trim() === "") throw usage(`\`${flag}\` is empty; name a folder`);
  return value;
}

function usage(message: string): ConformanceError {
  return new ConformanceError("ERR_CT_USAGE", message);
}
