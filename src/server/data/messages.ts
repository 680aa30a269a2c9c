import { utc } from "../instant.js";
import type { StoredObject } from "../tree.js";
import { FULL_ACCESS, fieldProperty, tableRight } from "./rights.js";

/** A TicketMessageHeader: one mail header kept with a message. */
export function messageHeader(
  id: number,
  name: string,
  value: string,
  stdItem = "None",
): StoredObject {
  return {
    Id: id,
    Name: name,
    Value: value,
    StdItem: stdItem,
    StdItemCol: stdItem === "None" ? "None" : "Value",
    TableRight: null,
    FieldProperties: {},
  };
}

interface MessageSeed {
  id: number;
  createdAt: string;
  slevel: "Internal" | "External";
  author: string;
  badge: string;
  headers?: StoredObject[];
  language?: string;
}

/** A TicketMessage summary as listed on its ticket. */
export function ticketMessage(seed: MessageSeed): StoredObject {
  const external = seed.slevel === "External";
  return {
    TicketMessageId: seed.id,
    CreatedAt: utc(seed.createdAt),
    Slevel: seed.slevel,
    Important: seed.id % 4 === 0,
    Author: seed.author,
    PersonId: external ? 21 : 0,
    PersonFullName: external ? "Bjørn Ødegård" : "",
    ContactId: external ? 4 : 0,
    ContactName: external ? "Fjordkraft Æøå AS" : "",
    ContactDepartment: "",
    NumAttachments: seed.id % 3,
    EmailHeader: external ? `From: ${seed.author}\r\nSubject: Re: faktura` : "",
    MessageHeaders: seed.headers ?? [],
    Language: seed.language ?? (external ? "no" : ""),
    Sentiment: external ? 40 + (seed.id % 50) : 0,
    SentimentConfidence: external ? 80 : 0,
    CreatedBy: external ? 0 : 5,
    ChangedAt: utc(seed.createdAt),
    Badge: seed.badge,
    TableRight: external ? FULL_ACCESS : tableRight("R"),
    FieldProperties: external
      ? {}
      : { Body: fieldProperty("System.String", 0, { mask: "Read", reason: "[SR_INTERNAL_ONLY]" }) },
  };
}

/** A Tag. */
export function tag(id: number, name: string, toolTip: string): StoredObject {
  return { Id: id, Name: name, ToolTip: toolTip, TableRight: null, FieldProperties: {} };
}

/** The tags tickets carry. */
export const TAGS = {
  vip: tag(1, "VIP", "Viktig kunde ⭐"),
  invoice: tag(2, "Faktura", 'NO:"Faktura";US:"Invoice"'),
  outage: tag(3, "Driftsavbrudd 🔥", ""),
  escalated: tag(4, "[SR_TAG_ESCALATED]", "Escalated <twice> & more"),
};

/** Mail headers of an incoming mail. */
export const MAIL_HEADERS = [
  messageHeader(1, "From", "Bjørn Ødegård <bjorn@fjordkraft.example>"),
  messageHeader(2, "Subject", "Faktura æøå – «feil beløp»"),
  messageHeader(3, "X-Auto-Reply", "sent", "SentAutoReplyToCustomersA"),
];
