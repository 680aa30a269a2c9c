/** Where something stands in a spec page: 1-based line and column. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/** Scalar types as the reference pages name them. */
export type ScalarName = "int32" | "int64" | "double" | "bool" | "string" | "date-time";

/**
 * A property type after parsing. The published page uses coarse names (`array`, `object`,
 * `string` for enums); refinement pages in `spec/types/` make them precise.
 */
export type TypeRef =
  | { kind: "scalar"; name: ScalarName }
  | { kind: "enum"; values: string[] }
  | { kind: "ref"; name: string }
  | { kind: "array"; items: TypeRef }
  | { kind: "map"; values: TypeRef }
  /** `array` or `object` as the published page writes them, before refinement. */
  | { kind: "coarse"; name: "array" | "object" };

/** One row of a body table. */
export interface PropertyModel {
  name: string;
  type: TypeRef;
  /** The type text as written in the table cell. */
  typeText: string;
  description: string;
  place: Place;
  /** Where the type cell starts, for messages about the type. */
  typePlace?: Place;
}

/** A body type: the ticket carrier or one of its nested types. */
export interface TypeModel {
  name: string;
  properties: PropertyModel[];
  /** The page that defines it. */
  place: Place;
  /** What the type is, in the words of its page. */
  description?: string;
}

export interface ParameterModel {
  name: string;
  /** Type text for path parts and query parameters; absent for request headers. */
  typeText?: string;
  description: string;
  required: boolean;
  place: Place;
}

export interface ResponseModel {
  status: number;
  description: string;
  place: Place;
}

/** A sample block from the page: raw text of a request or a response. */
export interface SampleModel {
  /** The fence's info string, as written (`http!`, `http_`). */
  lang: string;
  text: string;
  place: Place;
}

/** One WebAPI operation as its reference page describes it. */
export interface Operation {
  /** The front matter's `uid`, e.g. `v1TicketEntity_GetTicketEntity`. */
  uid: string;
  title: string;
  frontMatter: Record<string, unknown>;
  method: string;
  /** `/api/v1/Ticket/{id}` */
  path: string;
  summary: string;
  pathParts: ParameterModel[];
  query: ParameterModel[];
  /** The example lines under the query table (`GET /api/v1/Ticket/{id}?fk=False`). */
  queryExamples?: Array<{ text: string; place: Place }>;
  headers: ParameterModel[];
  /** Media types the `Accept` row names, in page order. */
  mediaTypes: string[];
  responses: ResponseModel[];
  /** The name after "Response body:", e.g. `TicketEntityWithLinks`. */
  bodyType: string;
  /** Every body type the operation reaches: the carrier and the nested types, by name. */
  types: Record<string, TypeModel>;
  sampleRequest?: SampleModel;
  sampleResponse?: SampleModel;
  /** The page file and the SHA-256 of its bytes. */
  source: { file: string; sha256: string };
}
