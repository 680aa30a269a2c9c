import { createHash, timingSafeEqual } from "node:crypto";
import type { ReferenceCredentials } from "./index.js";

/** Whether a request may read tickets; `reason` is for the log and never names a secret. */
export type AuthOutcome = { ok: true; via: string } | { ok: false; reason: string };

/** Compares secrets in constant time (by hashing both sides to the same length). */
function same(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Checks a `Basic` token: base64 of `user:password`. */
function checkBasic(token: string, credentials: ReferenceCredentials): AuthOutcome {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return { ok: false, reason: "malformed Basic token" };
  const decoded = Buffer.from(token, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return { ok: false, reason: "Basic token is not user:password" };
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const ok = same(user, credentials.basic.user) && same(password, credentials.basic.password);
  return ok ? { ok, via: "basic" } : { ok, reason: "wrong Basic credentials" };
}

/** The schemes of the `Authorization` header, by lower-cased name. */
const SCHEMES: Record<string, (token: string, credentials: ReferenceCredentials) => AuthOutcome> = {
  basic: checkBasic,
  soticket: (token, credentials) =>
    same(token, credentials.soTicket)
      ? { ok: true, via: "soticket" }
      : { ok: false, reason: "wrong SOTicket" },
  bearer: (token, credentials) =>
    same(token, credentials.bearer)
      ? { ok: true, via: "bearer" }
      : { ok: false, reason: "wrong Bearer token" },
};

/** Reads the `Cookie` header into name → value. */
function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return cookies;
}

/** A browser session: the session cookie plus `X-XSRF-TOKEN` equal to the `XSRF-TOKEN` cookie. */
function checkSession(
  headers: Record<string, string>,
  credentials: ReferenceCredentials,
): AuthOutcome {
  const cookies = parseCookies(headers.cookie);
  const { cookieName, cookieValue, xsrfToken } = credentials.session;
  const session = cookies.get(cookieName);
  if (session === undefined) return { ok: false, reason: "no credentials" };
  if (!same(session, cookieValue)) return { ok: false, reason: "unknown session" };
  const cookieToken = cookies.get("XSRF-TOKEN");
  const headerToken = headers["x-xsrf-token"];
  if (cookieToken === undefined || headerToken === undefined) {
    return { ok: false, reason: "session without XSRF token" };
  }
  const ok = same(headerToken, cookieToken) && same(cookieToken, xsrfToken);
  return ok ? { ok, via: "session" } : { ok, reason: "XSRF token mismatch" };
}

/**
 * Authenticates a request: `Authorization` (Basic, SOTicket or Bearer, scheme in any case) or
 * else a session cookie with its XSRF token. A present but wrong `SO-AppToken` is refused too;
 * an absent one is ignored.
 */
export function authenticate(
  headers: Record<string, string>,
  credentials: ReferenceCredentials,
): AuthOutcome {
  const appToken = headers["so-apptoken"];
  if (appToken !== undefined && !same(appToken.trim(), credentials.appToken)) {
    return { ok: false, reason: "wrong SO-AppToken" };
  }
  const authorization = headers.authorization;
  if (authorization === undefined) return checkSession(headers, credentials);
  const match = /^\s*(\S+) +(\S+)\s*$/.exec(authorization);
  if (!match?.[1] || !match[2]) return { ok: false, reason: "malformed Authorization header" };
  const scheme = match[1].toLowerCase();
  const check = Object.hasOwn(SCHEMES, scheme) ? SCHEMES[scheme] : undefined;
  return check ? check(match[2], credentials) : { ok: false, reason: "unknown scheme" };
}
