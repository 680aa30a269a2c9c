/** What replaces a secret in an exchange, a cassette or a report. */
export const REDACTED = "‹redacted›";

/** Headers that carry credentials whatever their value (names in lower case). */
export const CREDENTIAL_HEADERS: ReadonlySet<string> =
  new Set(["authorization", "so-apptoken", "x-xsrf-token", "cookie"]);

/** Replaces every occurrence of every secret in a text. */
export function redactText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((current, secret) => current.replaceAll(secret, REDACTED), text);
}

/** `name=value; name2=value2` with every value replaced. */
function redactCookiePairs(cookie: string): string {
  return cookie.split(";").map((pair) => {
    const eq = pair.indexOf("=");
    return eq < 0 ? pair : `${pair.slice(0, eq)}=${REDACTED}`;
  }).join(";");
}

/** `Set-Cookie: name=value; Path=/` with the value replaced and the attributes kept. */
function redactSetCookie(value: string): string {
  return value.split(/,(?=\s*[^;,=\s]+=)/).map((cookie) => {
    const [pair = "", ...attributes] = cookie.split(";");
    return [redactCookiePairs(pair), ...attributes].join(";");
  }).join(",");
}

/**
 * A copy of request or response headers with credentials hidden: the `Authorization` keeps
 * its scheme, cookies keep their names, and any header echoing a secret loses it.
 * `keepAuthorization` leaves a value a check chose itself (never a configured secret).
 */
export function redactHeaders(
  headers: Record<string, string>,
  secrets: readonly string[],
  keepAuthorization = false,
): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === "authorization" && !keepAuthorization) {
      redacted[lower] = `${value.split(" ")[0] ?? ""} ${REDACTED}`;
    } else if (lower === "cookie") {
      redacted[lower] = redactCookiePairs(value);
    } else if (lower === "set-cookie") {
      redacted[lower] = redactSetCookie(value);
    } else if (CREDENTIAL_HEADERS.has(lower) && lower !== "authorization") {
      redacted[lower] = REDACTED;
    } else {
      redacted[lower] = redactText(value, secrets);
    }
  }
  return redacted;
}

/**
 * Like `redactHeaders`, for headers as parsed before joining: each of several values (one per
 * `Set-Cookie` line) is redacted on its own and stays its own entry.
 */
export function redactHeaderFields(
  fields: Readonly<Record<string, string | readonly string[] | undefined>>,
  secrets: readonly string[],
): Record<string, string | string[]> {
  const redacted: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const one = (text: string) => Object.values(redactHeaders({ [name]: text }, secrets))[0] ?? "";
    redacted[name.toLowerCase()] = typeof value === "string" ? one(value) : value.map(one);
  }
  return redacted;
}
