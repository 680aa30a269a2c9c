import { SEED, startReferenceServer, type ReferenceCredentials } from "../../src/server/index.js";
import { TEST_CREDENTIALS } from "../cli/report-files.js";

/** The reference server's credentials set to the test credentials the runs carry in env. */
export const REFERENCE_TEST_CREDENTIALS: ReferenceCredentials = {
  basic: { user: "hostile-user", password: "test-secret-basic-password-3c9e" },
  soTicket: "7T:test-secret-soticket-a1b2",
  bearer: TEST_CREDENTIALS.SO_AUTHORIZATION.replace(/^Bearer /, ""),
  appToken: TEST_CREDENTIALS.SO_APP_TOKEN,
  session: {
    cookieName: "SuperOffice",
    cookieValue: TEST_CREDENTIALS.SO_COOKIE.replace(/^SuperOffice=/, ""),
    xsrfToken: TEST_CREDENTIALS.SO_XSRF_TOKEN,
  },
};

/** The flags that point a run at a reference server with its seeded ticket ids. */
export function seedFlags(root: string): string[] {
  const tickets = SEED.existing.flatMap((id) => ["--ticket", String(id)]);
  return ["--target", root, ...tickets, "--missing-ticket", String(SEED.missing),
    "--fk-ticket", String(SEED.fk)];
}

/** A reference server on 127.0.0.1 that accepts the test credentials and counts requests. */
export async function startCountingReference() {
  let requests = 0;
  const server = await startReferenceServer({
    host: "127.0.0.1",
    port: 0,
    config: { credentials: REFERENCE_TEST_CREDENTIALS },
    log: () => (requests += 1),
  });
  return { server, requests: () => requests };
}
