import type { ReferenceCredentials } from "../server/index.js";

/** What a target authenticates with. Held by the target only; checks never see it. */
export interface Credentials {
  /** The whole `Authorization` value, any scheme (`Basic …`, `SOTicket 7T:…`, `Bearer …`). */
  authorization?: string;
  appToken?: string;
  /** A browser session: the whole `Cookie` header and the `X-XSRF-TOKEN` that goes with it. */
  session?: { cookie: string; xsrfToken: string };
}

/** Reads credentials from `SO_AUTHORIZATION`, `SO_APP_TOKEN`, `SO_XSRF_TOKEN` and `SO_COOKIE`. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials {
  const credentials: Credentials = {};
  const value = (name: string) => (env[name]?.trim() ? env[name].trim() : undefined);
  const authorization = value("SO_AUTHORIZATION");
  const appToken = value("SO_APP_TOKEN");
  const xsrfToken = value("SO_XSRF_TOKEN");
  const cookie = value("SO_COOKIE");
  if (authorization) credentials.authorization = authorization;
  if (appToken) credentials.appToken = appToken;
  if (xsrfToken && cookie) credentials.session = { cookie, xsrfToken };
  return credentials;
}

/** The reference server's credentials as a client sends them: Basic, app token, session. */
export function referenceClientCredentials(reference: ReferenceCredentials): Credentials {
  const { user, password } = reference.basic;
  const { cookieName, cookieValue, xsrfToken } = reference.session;
  return {
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
    appToken: reference.appToken,
    session: { cookie: `${cookieName}=${cookieValue}; XSRF-TOKEN=${xsrfToken}`, xsrfToken },
  };
}

/** Whether any credential is configured. */
export function hasCredentials(credentials: Credentials): boolean {
  return Boolean(credentials.authorization ?? credentials.appToken ?? credentials.session);
}

/** The shortest text treated as a secret: shorter pieces would redact ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Every text that must never leave the target: each credential whole, the token part of the
 * `Authorization`, what a Basic token decodes to and its password, and every cookie value.
 */
export function secretsOf(credentials: Credentials): string[] {
  const secrets = new Set<string>();
  const { authorization, appToken, session } = credentials;
  if (authorization) {
    secrets.add(authorization);
    const token = authorization.replace(/^\S+\s+/, "");
    secrets.add(token);
    if (/^basic\s/i.test(authorization)) {
      const decoded = Buffer.from(token, "base64").toString("utf8");
      secrets.add(decoded);
      secrets.add(decoded.slice(decoded.indexOf(":") + 1));
    }
  }
  if (appToken) secrets.add(appToken);
  if (session) {
    secrets.add(session.cookie);
    secrets.add(session.xsrfToken);
    for (const pair of session.cookie.split(";")) {
      secrets.add(pair.slice(pair.indexOf("=") + 1).trim());
    }
  }
  return [...secrets].filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/**
 * The secrets the credential variables hold, for scrubbing reports: `secretsOf` over them,
 * except that a cookie or XSRF token set without its partner is still a secret.
 */
export function collectSecrets(env: NodeJS.ProcessEnv): string[] {
  const value = (name: string) => env[name]?.trim() ?? "";
  return secretsOf({
    authorization: value("SO_AUTHORIZATION"),
    appToken: value("SO_APP_TOKEN"),
    session: { cookie: value("SO_COOKIE"), xsrfToken: value("SO_XSRF_TOKEN") },
  });
}
