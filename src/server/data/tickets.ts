import { Instant, MAX_DATE, UNSET_DATE, utc } from "../instant.js";
import type { StoredObject, StoredValue } from "../tree.js";
import { CATEGORIES, PRIORITIES, STATUSES, TICKET_TYPES } from "./desk.js";
import { FORM_SUBMISSIONS, PROJECTS, SALES } from "./crm.js";
import { MAIL_HEADERS, TAGS, ticketMessage } from "./messages.js";
import { ASSOCIATES, PERSONS } from "./people.js";
import { FULL_ACCESS, fieldProperty, mandatoryTitle, tableRight } from "./rights.js";

/** A seeded ticket: the entity as stored plus the foreign keys `fk=true` reveals. */
export interface SeedTicket {
  entity: StoredObject;
  /** `app.device.keyname` → value; empty for most tickets. */
  foreignKeys: Record<string, string>;
}

/** Picks from a list by ticket id, so the data set is the same on every start. */
function pick<T>(id: number, list: readonly T[]): T {
  return list[id % list.length] as T;
}

/** A deterministic instant for a ticket: months spread over the year, so summer and winter. */
function stampFor(id: number, offsetDays: number): Instant {
  const month = 1 + ((id * 5 + offsetDays) % 12);
  const day = 1 + ((id * 7 + offsetDays) % 28);
  const hour = 6 + ((id + offsetDays) % 12);
  const fraction = ["", ".123", ".9553621"][id % 3];
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(hour)}:${pad(id % 60)}:${pad(offsetDays)}${fraction}`;
  return utc(`2023-${pad(month)}-${pad(day)}T${time}Z`);
}

/** Every TicketEntityWithLinks property but `_Links`, filled from the id. */
function baseTicket(id: number): StoredObject {
  // Note: derived numbers use a small stand-in so that large ids keep them within int32.
  const n = id % 97;
  const owner = pick(id, [ASSOCIATES.anne, ASSOCIATES.jens, ASSOCIATES.resource]);
  const message = ticketMessage({
    id: n * 10 + 1, createdAt: "2023-02-01T09:00:00Z", slevel: "External",
    author: "kunde@fjordkraft.example", badge: "Incoming",
  });
  return {
    TicketId: id,
    Title: `Sak ${id}: ${pick(id, ["Fakturaspørsmål", "Login fails", "Lieferung fehlt"])}`,
    CreatedAt: stampFor(id, 0),
    LastChanged: stampFor(id, 3),
    ReadByOwner: stampFor(id, 1),
    ReadByCustomer: UNSET_DATE,
    FirstReadByOwner: stampFor(id, 1),
    FirstReadByUser: stampFor(id, 1),
    Activate: UNSET_DATE,
    ClosedAt: UNSET_DATE,
    RepliedAt: stampFor(id, 2),
    AlertTimeout: UNSET_DATE,
    Deadline: stampFor(id, 5),
    CreatedBy: ASSOCIATES.system,
    Author: "kunde@fjordkraft.example",
    OwnedBy: owner,
    Category: pick(id, [CATEGORIES.support, CATEGORIES.billing, CATEGORIES.internal]),
    Slevel: "External",
    Priority: pick(id, [PRIORITIES.normal, PRIORITIES.high, PRIORITIES.low]),
    BaseStatus: "Active",
    Status: STATUSES.open,
    Origin: pick(id, ["Email", "Phone", "CustomerCentre", "Chat", "Form", "Internal"]),
    Person: pick(id, [PERSONS.bjorn, PERSONS.grete, PERSONS.ida]),
    SecondaryPersons: [],
    AlertLevel: 0,
    ConnectId: 0,
    ReadStatus: pick(id, ["Green", "Yellow", "Red"]),
    TimeToReply: 30 + n,
    RealTimeToReply: 45 + n,
    TimeToClose: 0,
    RealTimeToClose: 0,
    TimeSpentInternally: 600 * n,
    TimeSpentExternally: 120,
    TimeSpentQueue: 60,
    RealTimeSpentInternally: 900 * n,
    RealTimeSpentExternally: 180,
    RealTimeSpentQueue: 90,
    TimeSpent: 15,
    HasAttachment: false,
    NumReplies: 0,
    NumMessages: 1,
    FromAddress: "kunde@fjordkraft.example",
    Messages: [message],
    Tags: [],
    Language: "no",
    Sentiment: 50,
    SentimentConfidence: 70,
    SuggestedCategoryId: 0,
    SuggestedCategoryName: "",
    OrigHumanCategoryId: 0,
    IconHint: "new",
    Sale: null,
    Project: null,
    FormSubmission: null,
    TicketType: TICKET_TYPES.request,
    ActiveStatusMonitorId: 0,
    ExtraFields: {},
    CustomFields: {},
    TableRight: FULL_ACCESS,
    FieldProperties: {},
  };
}

/** A seeded ticket: the base filled from the id, with the properties that make it distinct. */
function ticket(
  id: number,
  overrides: Record<string, StoredValue>,
  foreignKeys: Record<string, string> = {},
): SeedTicket {
  return { entity: { ...baseTicket(id), ...overrides }, foreignKeys };
}

/** Custom fields with every type tag real servers write. */
const TAGGED_CUSTOM_FIELDS = {
  "SuperOffice:1": "[I:3]",
  "SuperOffice:2": "[F:4.43]",
  "SuperOffice:3": "[D:05/05/1999 00:00:00.0000000]",
  "SuperOffice:4": "[DT:03/28/2019 00:00:00.0000000]",
  "SuperOffice:7": "[I:12]",
  "SuperOffice:7:DisplayText": 'NO:"Gull";US:"Gold"',
  x_region: "Vestland",
  x_contract_ref: "000417",
};

/** Extra fields: the `x_…` subset of the custom fields. */
const TAGGED_EXTRA_FIELDS = { x_region: "Vestland", x_contract_ref: "000417" };

/** The data set: at least one ticket with and one without each nested carrier. */
export const SEED_TICKETS: readonly SeedTicket[] = [
  ticket(1, {
    Title: "Fakturaen for æøå-kontoret er feil – «haster»",
    CreatedAt: utc("2019-12-19T10:55:14Z"),
    LastChanged: utc("2020-08-19T15:12:16.9553621Z"),
    ReadByOwner: utc("2020-03-29T00:59:59.9999999Z"),
    ReadByCustomer: utc("2020-03-29T01:00:00Z"),
    Deadline: utc("2020-10-25T00:30:00.5Z"),
    AlertTimeout: MAX_DATE,
    OwnedBy: ASSOCIATES.anne,
    Category: CATEGORIES.support,
    Priority: PRIORITIES.high,
    Person: PERSONS.bjorn,
    SecondaryPersons: [PERSONS.grete, PERSONS.mei],
    AlertLevel: 2,
    HasAttachment: true,
    NumReplies: 1,
    NumMessages: 3,
    Messages: [
      ticketMessage({
        id: 11, createdAt: "2019-12-19T10:55:14Z", slevel: "External",
        author: "bjorn@fjordkraft.example", badge: "Incoming", headers: MAIL_HEADERS,
      }),
      ticketMessage({
        id: 12, createdAt: "2020-06-01T07:00:00.1234567Z", slevel: "Internal",
        author: "[SR_SYSTEM_USER]", badge: "Comment",
      }),
      ticketMessage({
        id: 16, createdAt: "2020-08-19T15:12:16.9553621Z", slevel: "External",
        author: "anne@example.no", badge: "Reply", language: "en",
      }),
    ],
    Tags: [TAGS.vip, TAGS.invoice],
    SuggestedCategoryId: 2,
    SuggestedCategoryName: 'NO:"Faktura";US:"Billing"',
    OrigHumanCategoryId: 1,
    Sale: SALES.renewal,
    Project: PROJECTS.migration,
    FormSubmission: FORM_SUBMISSIONS.contactForm,
    ActiveStatusMonitorId: 3,
    ExtraFields: TAGGED_EXTRA_FIELDS,
    CustomFields: TAGGED_CUSTOM_FIELDS,
    FieldProperties: {
      ...mandatoryTitle(),
      TicketId: fieldProperty("System.Int32", 4, { mask: "Read" }),
    },
  }),
  ticket(2, {
    Title: "",
    Author: "",
    LastChanged: UNSET_DATE,
    ReadByOwner: UNSET_DATE,
    FirstReadByOwner: UNSET_DATE,
    FirstReadByUser: UNSET_DATE,
    RepliedAt: UNSET_DATE,
    Deadline: UNSET_DATE,
    CreatedBy: null,
    OwnedBy: null,
    Category: null,
    Slevel: "Unknown",
    Priority: null,
    BaseStatus: "Unknown",
    Status: null,
    Origin: "Unknown",
    Person: null,
    ReadStatus: "Unknown",
    TimeToReply: 0,
    RealTimeToReply: 0,
    TimeSpentInternally: 0,
    RealTimeSpentInternally: 0,
    TimeSpent: 0,
    NumMessages: 0,
    FromAddress: "",
    Messages: [],
    Language: "",
    Sentiment: 0,
    SentimentConfidence: 0,
    IconHint: "",
    TicketType: null,
    TableRight: null,
  }),
  ticket(3, {
    Title: "[SR_TICKET_DEFAULT_TITLE]",
    Slevel: "Internal",
    Origin: "Internal",
    OwnedBy: ASSOCIATES.jens,
    Category: CATEGORIES.internal,
    Priority: PRIORITIES.low,
    Status: STATUSES.queued,
    Person: null,
    Tags: [TAGS.escalated],
    IconHint: "[SR_ICON_ESCALATION]",
    TableRight: tableRight("RI, RestrictedUpdate", "[SR_RESTRICTED_CATEGORY]"),
  }),
  ticket(4, {
    BaseStatus: "Closed",
    Status: STATUSES.closed,
    ClosedAt: utc("2023-07-14T13:45:00.1234567Z"),
    TimeToClose: 1440,
    RealTimeToClose: 2880,
    Sale: SALES.lost,
    Project: PROJECTS.archive,
    FormSubmission: FORM_SUBMISSIONS.failed,
    TicketType: TICKET_TYPES.complaint,
  }),
  ticket(5, {
    BaseStatus: "Postponed",
    Status: STATUSES.waiting,
    Activate: utc("2024-01-08T07:00:00Z"),
    Person: PERSONS.sam,
    SecondaryPersons: [PERSONS.ida],
    Title: 'Order "A&B" <urgent>',
  }),
  ticket(6, { Origin: "Facebook", ConnectId: 4, OwnedBy: ASSOCIATES.retired }),
  ticket(7, {
    Title: "Kunde med ERP-nøkler",
    ExtraFields: { x_erp_sync: "[I:1]" },
    CustomFields: { "SuperOffice:5": "[F:12.5]", x_erp_sync: "[I:1]" },
  }, {
    "erp.sap.customer_no": "000417",
    "crm.salesforce.account_id": "0015g00000XyZ",
    "web.shop.order_ref": "A-77",
  }),
  ticket(8, { Origin: "SMS", Priority: PRIORITIES.high }),
  ticket(9, { BaseStatus: "PostponedWeek", Status: STATUSES.waiting }),
  ticket(10, { Origin: "Twitter", Tags: [TAGS.outage, TAGS.vip] }),
  ticket(11, { OwnedBy: null, Category: CATEGORIES.billing }),
  ticket(12, {
    Title: "服务器宕机 🔥🚒 – サーバー障害",
    Author: "王美玲",
    CreatedAt: utc("2024-07-01T06:30:00.25Z"),
    LastChanged: utc("2024-07-01T22:15:00Z"),
    Person: PERSONS.mei,
    Language: "zh",
    Tags: [TAGS.outage],
    CustomFields: {
      "SuperOffice:6": "[D:12/24/2024 00:00:00.0000000]",
      x_note: "😀 ünïcödé ✓",
    },
  }),
  ticket(13, { Origin: "Fax", ReadStatus: "Red", AlertLevel: 1 }),
  ticket(14, { Origin: "EMarketing", Slevel: "Internal" }),
  ticket(15, { Origin: "AutoGenerated", CreatedBy: ASSOCIATES.anne }),
  ticket(16, { BaseStatus: "Merged", ConnectId: 1 }),
  ticket(17, { Origin: "Chat", SecondaryPersons: [PERSONS.bjorn] }),
  ticket(18, { BaseStatus: "Deleted", Status: STATUSES.closed }),
  ticket(19, { Origin: "Form", FormSubmission: FORM_SUBMISSIONS.contactForm }),
  ticket(20, { TicketType: TICKET_TYPES.complaint, Project: PROJECTS.migration }),
  ticket(417, {
    Title: "Straße gesperrt – Lieferung verspätet (Größe XXL)",
    Author: "grete@strasse.example",
    OwnedBy: ASSOCIATES.jens,
    Person: PERSONS.grete,
    Language: "de",
    CreatedAt: utc("2021-01-31T23:30:00Z"),
    LastChanged: utc("2021-06-30T21:59:59.9999999Z"),
  }, { "erp.sap.customer_no": "000999" }),
  ticket(1000, { Origin: "Phone", Slevel: "Internal", Messages: [] }),
  ticket(2147483647, {
    Title: "Largest id",
    BaseStatus: "Closed",
    Status: STATUSES.closed,
    ClosedAt: utc("2025-03-30T00:59:59Z"),
    Deadline: MAX_DATE,
  }),
];
