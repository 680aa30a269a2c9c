import type { ReferenceCredentials } from "./index.js";

/**
 * The credentials the reference server accepts unless configured otherwise. They are fake,
 * published, and good only against a local reference server.
 */
export const DEFAULT_CREDENTIALS: ReferenceCredentials = {
  basic: { user: "conformance", password: "local-only-password" },
  soTicket: "7T:bG9jYWwtcmVmZXJlbmNlLXRpY2tldA==",
  bearer: "8A:Cust00000.local-reference-bearer-token",
  appToken: "local-reference-app-token",
  session: {
    cookieName: "SuperOffice.Session",
    cookieValue: "local-reference-session",
    xsrfToken: "local-reference-xsrf-token",
  },
};
