import type { StoredObject } from "./tree.js";

/** The API root a request was addressed to, from its `Host` header: `http://host:port/api`. */
export function requestRoot(headers: Record<string, string>): string {
  return `http://${headers.host ?? "127.0.0.1"}/api`;
}

/** The `_Links` of a ticket: absolute URLs, `Self` first. */
export function ticketLinks(root: string, id: number): StoredObject {
  return {
    Self: `${root}/v1/Ticket/${id}`,
    "Messages.List": `${root}/v1/Ticket/${id}/Messages`,
    "Category.List": `${root}/v1/MDOList/ejcategory`,
    "Priority.List": `${root}/v1/MDOList/ticketpriority`,
    "Status.List": `${root}/v1/MDOList/ticketstatus`,
  };
}
