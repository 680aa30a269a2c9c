import type { StoredObject } from "../tree.js";
import { FULL_ACCESS, fieldProperty, tableRight } from "./rights.js";

interface AssociateSeed {
  id: number;
  userName: string;
  fullName: string;
  type: string;
  personId: number;
  deleted?: boolean;
}

/** An Associate carrier (a CRM user or resource). */
export function associate(seed: AssociateSeed): StoredObject {
  const [first = "", ...rest] = seed.fullName.split(" ");
  return {
    AssociateId: seed.id,
    Name: seed.userName.toUpperCase(),
    PersonId: seed.personId,
    Rank: seed.id % 7,
    Tooltip: `${seed.fullName} (${seed.userName})`,
    Type: seed.type,
    GroupIdx: 2 + (seed.id % 3),
    FullName: seed.fullName,
    FormalName: `${rest.join(" ")}, ${first}`,
    Deleted: seed.deleted ?? false,
    EjUserId: seed.id + 100,
    UserName: seed.userName,
    ExtraFields: {},
    CustomFields: seed.id % 2 === 0 ? { "SuperOffice:1": "[I:3]" } : {},
    TableRight: seed.id % 2 === 0 ? FULL_ACCESS : null,
    FieldProperties: {},
  };
}

/** The associates that create and own tickets. */
export const ASSOCIATES = {
  anne: associate({
    id: 5, userName: "anne", fullName: "Anne Bjørnstad", type: "InternalAssociate", personId: 21,
  }),
  jens: associate({
    id: 12, userName: "jens", fullName: "Jens Weiß", type: "InternalAssociate", personId: 22,
  }),
  system: associate({
    id: 1, userName: "system", fullName: "System User", type: "SystemAssociate", personId: 0,
  }),
  resource: associate({
    id: 31, userName: "meeting-room", fullName: "Møterom Fjord", type: "ResourceAssociate",
    personId: 0,
  }),
  retired: associate({
    id: 44, userName: "li", fullName: "Li Wei", type: "ExternalAssociate", personId: 23,
    deleted: true,
  }),
};

interface PersonSeed {
  id: number;
  firstname: string;
  lastname: string;
  email: string;
  contactId: number;
  contactName: string;
  countryId: number;
  retired?: number;
}

/** A Person carrier: the ticket's customer or one of its secondary persons. */
export function person(seed: PersonSeed): StoredObject {
  const fullName = `${seed.firstname} ${seed.lastname}`;
  return {
    Position: seed.id % 2 === 0 ? "Innkjøpssjef" : "Head of Support",
    PersonId: seed.id,
    Mrmrs: seed.id % 2 === 0 ? "Fru" : "Mr",
    Firstname: seed.firstname,
    Lastname: seed.lastname,
    MiddleName: "",
    Title: seed.id % 3 === 0 ? "Dr." : "",
    Description: `Contact since ${2000 + (seed.id % 20)}`,
    Email: seed.email,
    FullName: fullName,
    DirectPhone: `+47 22 ${String(10 + seed.id).padStart(2, "0")} 45 67`,
    FormalName: `${seed.lastname}, ${seed.firstname}`,
    CountryId: seed.countryId,
    ContactId: seed.contactId,
    ContactName: seed.contactName,
    Retired: seed.retired ?? 0,
    Rank: seed.id % 5,
    ActiveInterests: seed.id % 4,
    ContactDepartment: seed.id % 2 === 0 ? "Økonomi" : "",
    ContactCountryId: seed.countryId,
    ContactOrgNr: `000${seed.contactId}17`,
    FaxPhone: "",
    MobilePhone: `+47 9${String(seed.id).padStart(2, "0")} 12 345`,
    ContactPhone: "+47 22 00 00 00",
    AssociateName: "ANNE",
    AssociateId: 5,
    UsePersonAddress: seed.id % 2 === 1,
    ContactFax: "",
    Kanafname: "",
    Kanalname: "",
    Post1: "Postboks 123",
    Post2: "",
    Post3: "",
    EmailName: fullName,
    ContactFullName: `${seed.contactName} (${seed.contactId})`,
    ActiveErpLinks: seed.id % 3 === 0 ? 1 : 0,
    TicketPriorityId: 2,
    SupportLanguageId: seed.countryId === 578 ? 1 : 2,
    SupportAssociateId: 12,
    CategoryName: 'NO:"Kunde";US:"Customer"',
    PersonNumber: String(1000 + seed.id),
    TableRight: seed.id % 2 === 0 ? tableRight("Select, Update, Delete") : null,
    FieldProperties:
      seed.id % 2 === 0
        ? { Email: fieldProperty("System.String", 255, { mask: "Read, Write, Nullable" }) }
        : {},
  };
}

/** The customers tickets are about. */
export const PERSONS = {
  bjorn: person({
    id: 21, firstname: "Bjørn", lastname: "Ødegård", email: "bjorn@fjordkraft.example",
    contactId: 4, contactName: "Fjordkraft Æøå AS", countryId: 578,
  }),
  grete: person({
    id: 22, firstname: "Grete", lastname: "Straßmann", email: "grete@strasse.example",
    contactId: 5, contactName: "Straße & Söhne GmbH", countryId: 276,
  }),
  mei: person({
    id: 24, firstname: "美玲", lastname: "王", email: "mei@example.cn", contactId: 6,
    contactName: "北京贸易有限公司", countryId: 156,
  }),
  sam: person({
    id: 25, firstname: "Sam", lastname: "O'Neil", email: "sam@acme.example", contactId: 7,
    contactName: "ACME <Holdings> & Co", countryId: 840, retired: 1,
  }),
  ida: person({
    id: 27, firstname: "Ida", lastname: "Sørli", email: "ida@fjordkraft.example", contactId: 4,
    contactName: "Fjordkraft Æøå AS", countryId: 578,
  }),
};
