import type { AuthMode } from "../model/exchange.js";
import type { Credentials } from "./credentials.js";

type SchemeCase = "as-is" | "lower" | "upper" | "mixed";

const SCHEME_CASES: Record<SchemeCase, (scheme: string) => string> = {
  "as-is": (scheme) => scheme,
  lower: (scheme) => scheme.toLowerCase(),
  upper: (scheme) => scheme.toUpperCase(),
  mixed: (scheme) =>
    [...scheme].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join(""),
};

/** A Basic token that is well formed (`user:password`) but names no real account. */
const WRONG_BASIC = Buffer.from("conformance-probe:not-the-password").toString("base64");

/**
 * A token in the shape of the real one but not accepted: same scheme, same prefix (`7T:`,
 * `8A:`), another body. Basic gets a well-formed `user:password` that is wrong.
 */
export function wrongAuthorization(authorization: string | undefined): string {
  const [scheme = "Basic", token = ""] = (authorization ?? "Basic").split(/\s+/, 2);
  if (scheme.toLowerCase() === "basic") return `${scheme} ${WRONG_BASIC}`;
  const prefix = /^[0-9A-Za-z]{1,3}:/.exec(token)?.[0] ?? "";
  return `${scheme} ${prefix}conformance-wrong-token`;
}

/** A well-formed XSRF token that is not the session's. */
function mismatchedXsrf(token: string): string {
  return `mismatch-${[...token].reverse().join("")}`;
}

type AuthHeaderBuilder<K extends AuthMode["kind"]> =
  (mode: Extract<AuthMode, { kind: K }>, credentials: Credentials) => Record<string, string>;

const withAppToken = (credentials: Credentials): Record<string, string> =>
  (credentials.appToken ? { "SO-AppToken": credentials.appToken } : {});

const BUILDERS: { [K in AuthMode["kind"]]: AuthHeaderBuilder<K> } = {
  given: (mode, credentials): Record<string, string> => {
    const headers = mode.appToken === "omit" ? {} : withAppToken(credentials);
    if (!credentials.authorization) return headers;
    const [scheme = "", ...rest] = credentials.authorization.split(" ");
    const cased = SCHEME_CASES[mode.schemeCase ?? "as-is"](scheme);
    return { ...headers, Authorization: [cased, ...rest].join(" ") };
  },
  none: () => ({}),
  wrong: (_mode, credentials) => ({
    ...withAppToken(credentials),
    Authorization: wrongAuthorization(credentials.authorization),
  }),
  raw: (mode) => ({ Authorization: mode.authorization }),
  session: (mode, credentials): Record<string, string> => {
    if (!credentials.session) return {};
    const { cookie, xsrfToken } = credentials.session;
    const xsrf = mode.xsrf === "match" ? xsrfToken : mismatchedXsrf(xsrfToken);
    return { Cookie: cookie, "X-XSRF-TOKEN": xsrf };
  },
};

/** The headers that carry an auth mode with the configured credentials. */
export function authHeaders(mode: AuthMode, credentials: Credentials): Record<string, string> {
  const build = BUILDERS[mode.kind] as AuthHeaderBuilder<typeof mode.kind>;
  return build(mode as never, credentials);
}

/** A short, secret-free description of an auth mode, used to match recordings. */
export function describeAuth(mode: AuthMode): string {
  if (mode.kind === "given") {
    return `given:${mode.schemeCase ?? "as-is"}:${mode.appToken ?? "send"}`;
  }
  if (mode.kind === "raw") return `raw:${mode.authorization}`;
  if (mode.kind === "session") return `session:${mode.xsrf}`;
  return mode.kind;
}
