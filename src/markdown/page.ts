import type {
  ParameterModel,
  Place,
  ResponseModel,
  SampleModel,
  TypeModel,
} from "../model/operation.js";

/** A line of an example block, such as the query examples under the parameter table. */
export interface ExampleLine {
  text: string;
  place: Place;
}

/** Which kind of page a file is expected to be. */
export type PageKind = "operation" | "type";

/**
 * One page as read, before pages are combined: the operation page fills the request parts,
 * a type page only `body`.
 */
export interface Page {
  file: string;
  /** The operation page may use the coarse `array`/`object` types; type pages may not. */
  kind: PageKind;
  frontMatter: Record<string, unknown>;
  title: string;
  uid: string;
  /** Paragraphs between the title and the first table or section, decoded. */
  intro: string[];
  request?: { method: string; path: string; place: Place };
  pathParts: ParameterModel[];
  query: ParameterModel[];
  queryExamples: ExampleLine[];
  headers: ParameterModel[];
  mediaTypes: string[];
  /** The text above the responses table (`TicketEntity found.`). */
  responseText: string;
  responses: ResponseModel[];
  body?: TypeModel;
  sampleRequest?: SampleModel;
  sampleResponse?: SampleModel;
}
