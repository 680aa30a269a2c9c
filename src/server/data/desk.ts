import { utc } from "../instant.js";
import type { StoredObject } from "../tree.js";
import { FULL_ACCESS, fieldProperty, tableRight } from "./rights.js";

/** A TicketStatusEntity: a user-defined status on top of a base status. */
export function ticketStatus(
  id: number,
  name: string,
  status: string,
  timeCounter: string,
  isDefault = false,
): StoredObject {
  return {
    TicketStatusId: id,
    Name: name,
    Status: status,
    TimeCounter: timeCounter,
    NoEmailReopen: status === "Closed",
    IsDefault: isDefault,
    UsedInQueue: status === "Active",
    TableRight: id % 2 === 0 ? null : FULL_ACCESS,
    FieldProperties: {},
  };
}

/** The statuses tickets are in. */
export const STATUSES = {
  open: ticketStatus(1, "[SR_TICKET_STATUS_OPEN]", "Active", "Internally", true),
  waiting: ticketStatus(
    2, 'NO:"Venter på kunde";US:"Waiting for customer"', "Postponed", "Externally",
  ),
  closed: ticketStatus(3, "[SR_TICKET_STATUS_CLOSED]", "Closed", "None"),
  queued: ticketStatus(4, "Queued", "Active", "Queue"),
};

interface CategorySeed {
  id: number;
  parentId: number;
  name: string;
  fullname: string;
  flags: string;
  method: string;
  defaultStatus: StoredObject | null;
  messageStatus: StoredObject | null;
}

/** A TicketCategoryEntity. */
export function ticketCategory(seed: CategorySeed): StoredObject {
  return {
    TicketCategoryId: seed.id,
    ParentId: seed.parentId,
    Name: seed.name,
    Fullname: seed.fullname,
    CategoryMaster: 5,
    Flags: seed.flags,
    DelegateMethod: seed.method,
    ExternalName: seed.id % 2 === 0 ? "" : `ext-${seed.id}`,
    ClosingStatus: "Closed",
    MsgClosingStatus: seed.id % 2 === 0 ? "UserDefined" : "Active",
    AssignmentLag: seed.id * 5,
    ReplyTemplate: seed.id % 2 === 0 ? 0 : 3,
    NotificationEmail: seed.id % 2 === 0 ? "" : "support@fjordkraft.example",
    DefaultTicketStatus: seed.defaultStatus,
    DefaultMessageStatus: seed.messageStatus,
    EffectiveReplyTemplateId: seed.id % 2 === 0 ? 0 : 3,
    ExtraFields: seed.id === 2 ? { x_sla_hours: "[I:8]" } : {},
    CustomFields: seed.id === 2 ? { x_sla_hours: "[I:8]" } : {},
    TableRight: seed.id === 3 ? tableRight("Select", "[SR_RESTRICTED_CATEGORY]") : FULL_ACCESS,
    FieldProperties:
      seed.id === 2
        ? { Name: fieldProperty("System.String", 254, { mask: "Unused4, UIHintReadOnly" }) }
        : {},
  };
}

/** The categories tickets are filed under. */
export const CATEGORIES = {
  support: ticketCategory({
    id: 1, parentId: 0, name: 'NO:"Kundestøtte";US:"Support";GE:"Kundendienst"',
    fullname: 'NO:"Kundestøtte";US:"Support";GE:"Kundendienst"', flags: "ListInMain",
    method: "Even", defaultStatus: STATUSES.open, messageStatus: STATUSES.waiting,
  }),
  billing: ticketCategory({
    id: 2, parentId: 1, name: "Faktura", fullname: "Kundestøtte/Faktura",
    flags: "NotifyMembers", method: "Weighted", defaultStatus: STATUSES.queued,
    messageStatus: null,
  }),
  internal: ticketCategory({
    id: 3, parentId: 0, name: "[SR_CATEGORY_INTERNAL]", fullname: "[SR_CATEGORY_INTERNAL]",
    flags: "Internal", method: "Not", defaultStatus: null, messageStatus: null,
  }),
};

/** A TicketPriorityEscalationLevelEntity. */
export function escalationLevel(alertId: number, level: number, timeout: number): StoredObject {
  return {
    TicketAlertId: alertId,
    AlertLevel: level,
    AlertTimeout: timeout,
    Action: level,
    DelegateTo: level === 2 ? 12 : 0,
    ScriptId: 0,
    EmailTo: level === 1 ? "vakt@fjordkraft.example" : "",
    SmsTo: level === 2 ? "+4790012345" : "",
    ReplyTemplateIdCustomer: 0,
    ReplyTemplateIdUser: level,
    ReplyTemplateIdCatmast: 0,
    ReplyTemplateIdEmail: 0,
    RtiCustomerSms: 0,
    ReplyTemplateIdUserSms: 0,
    ReplyTemplateIdCatmastSms: 0,
    ReplyTemplateIdSms: level === 2 ? 7 : 0,
    TableRight: null,
    FieldProperties: {},
  };
}

/** Office hours: the stored instants are the first Monday of 2024 in UTC (winter time). */
function officeHours(): StoredObject {
  const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  const hours: StoredObject = {};
  days.forEach((day, index) => {
    const date = `2024-01-${String(1 + index).padStart(2, "0")}`;
    const weekend = index >= 5;
    hours[`${day}Start`] = utc(`${date}T${weekend ? "00:00:00" : "07:00:00"}Z`);
    hours[`${day}Stop`] = utc(`${date}T${weekend ? "00:00:00" : "15:30:00"}Z`);
  });
  return hours;
}

interface PrioritySeed {
  id: number;
  name: string;
  flags: string;
  deadline: number;
  levels: StoredObject[];
  nonDates: string[];
}

/** A TicketPriorityEntity with its office hours, holidays and escalation levels. */
export function ticketPriority(seed: PrioritySeed): StoredObject {
  return {
    TicketPriorityId: seed.id,
    Name: seed.name,
    Status: "Normal",
    Flags: seed.flags,
    SortOrder: seed.id,
    TicketRead: "Stop",
    ChangedOwner: "Restart",
    TicketNewinfo: "Continue",
    TicketClosed: "Stop",
    TicketChangedPriority: "Restart",
    TicketNew: "None",
    Deadline: seed.deadline,
    ...officeHours(),
    NonDates: seed.nonDates.map(utc),
    EscalationLevels: seed.levels,
    TableRight: seed.id === 1 ? tableRight("RI, RestrictedUpdate") : FULL_ACCESS,
    FieldProperties: seed.id === 1 ? {} : { Deadline: fieldProperty("System.Int32", 4, null) },
  };
}

/** The priorities tickets carry. */
export const PRIORITIES = {
  high: ticketPriority({
    id: 1, name: 'NO:"Høy";US:"High";GE:"Hoch";SW:"Hög";DA:"Høj"', flags: "AlertSchedule",
    deadline: 4,
    levels: [escalationLevel(11, 1, 60), escalationLevel(12, 2, 240)],
    nonDates: ["2024-05-16T22:00:00Z", "2024-12-24T23:00:00Z"],
  }),
  normal: ticketPriority({
    id: 2, name: "Normal", flags: "Default", deadline: 48, levels: [], nonDates: [],
  }),
  low: ticketPriority({
    id: 3, name: "[SR_PRIORITY_LOW]", flags: "External", deadline: 168,
    levels: [escalationLevel(31, 1, 1440)], nonDates: ["2025-12-31T23:00:00.5Z"],
  }),
};

/** A TicketType. */
export function ticketType(id: number, name: string, groups: number[]): StoredObject {
  return {
    TicketTypeId: id,
    Name: name,
    Icon: id === 1 ? "ticket" : "mail",
    DefaultTicketStatus: id === 1 ? 1 : 4,
    DefaultTicketPriority: id === 1 ? 2 : 1,
    IsDefault: id === 1,
    ShowInNew: true,
    ExcludeSignature: id === 2,
    ExcludeEmailRecipients: false,
    ExternalAsDefault: id === 2,
    VisibleForGroups: groups,
    ReplyForwardNoSignature: false,
    ReplyExternalAsDefault: id === 2,
    TableRight: id === 1 ? FULL_ACCESS : tableRight("URI"),
    FieldProperties: {},
  };
}

/** The ticket types. */
export const TICKET_TYPES = {
  request: ticketType(1, 'NO:"Henvendelse";US:"Request"', []),
  complaint: ticketType(2, "Klage / Beschwerde", [2, 3, 7]),
};
