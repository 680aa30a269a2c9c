import { createReferenceHandler, DEFAULT_CREDENTIALS, SEED } from "../../src/server/index.js";

const handler = createReferenceHandler();
const { user, password } = DEFAULT_CREDENTIALS.basic;
const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** The reference server's answer for a ticket, as text, in the media type asked for. */
export async function seedBody(id: number, accept = "application/json"): Promise<string> {
  const response = await handler({
    method: "GET",
    url: `/api/v1/Ticket/${id}`,
    headers: { authorization, accept },
  });
  if (response.status !== 200) throw new Error(`seed ticket ${id} answered ${response.status}`);
  return String(response.body);
}

/** Every default seed ticket as JSON text. */
export async function seedJsonBodies(): Promise<string[]> {
  return Promise.all(SEED.existing.map((id) => seedBody(id)));
}
