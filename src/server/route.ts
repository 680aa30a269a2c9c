/** What a request URL addresses. */
export type Route =
  | { kind: "ticket"; id: number; query: URLSearchParams }
  | { kind: "bad-id"; raw: string }
  | { kind: "elsewhere" };

const TICKET_PATH = /^\/api\/v1\/ticket\/([^/]*)\/?$/i;
const INT32_MAX = 2_147_483_647;

/** Query parameters by lower-cased name, first one wins (ASP.NET binds names in any case). */
function lowerCaseQuery(search: string): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(search)) {
    const key = name.toLowerCase();
    if (!query.has(key)) query.set(key, value);
  }
  return query;
}

/** Matches `/api/v1/Ticket/{id}` (case-insensitive) and checks the id is a non-negative int32. */
export function routeRequest(url: string): Route {
  const questionMark = url.indexOf("?");
  const path = questionMark < 0 ? url : url.slice(0, questionMark);
  const match = TICKET_PATH.exec(path);
  if (!match) return { kind: "elsewhere" };
  const raw = decodeURIComponentSafe(match[1] ?? "");
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > INT32_MAX) return { kind: "bad-id", raw };
  const query = lowerCaseQuery(questionMark < 0 ? "" : url.slice(questionMark + 1));
  return { kind: "ticket", id: Number(raw), query };
}

/** Decodes a path segment, keeping it as sent when it is not valid percent-encoding. */
function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
