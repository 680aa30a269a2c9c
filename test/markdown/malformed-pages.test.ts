import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { loadSpec, parsePage } from "../../src/markdown/index.js";
import { captureIo, copyCheckout, ROOT } from "./helpers.js";
import { errorOf } from "../helpers/errors.js";

const HEAD = "---\ntitle: T\nuid: type_T\n---\n\n# T\n\n";
const TABLE = "| Property Name | Type | Description |\n|---|---|---|\n";


describe("malformed pages: each kind names file:line:column and what is allowed", () => {
  const cases: Array<{ kind: string; file: string; text: string; page?: "operation"; message: string }> = [
    {
      kind: "no front matter",
      file: "test/fixtures/pages/no-front-matter.md",
      text: readFileSync(join(ROOT, "test/fixtures/pages/no-front-matter.md"), "utf8"),
      message: "test/fixtures/pages/no-front-matter.md:1:1: no YAML front matter (a `---` block with `title` and `uid`)",
    },
    {
      kind: "bad enum syntax",
      file: "test/fixtures/pages/bad-enum.md",
      text: readFileSync(join(ROOT, "test/fixtures/pages/bad-enum.md"), "utf8"),
      message: "test/fixtures/pages/bad-enum.md:13:12: unbalanced `enum(` in `enum(Open, Sold`",
    },
    {
      kind: "no path block",
      file: "spec/op.md",
      page: "operation",
      text: `${HEAD}Gets it.\n\n### Response body: T\n\n${TABLE}| A | int32 | a |\n`,
      message: "spec/op.md:6:1: no path block after the title (a ```http fence holding `GET /api/v1/...`)",
    },
    {
      kind: "missing body table",
      file: "spec/types/T.md",
      text: `${HEAD}### Response body: T\n\nNothing here.\n`,
      message: "spec/types/T.md:8:1: section `Response body: T` has no response body table",
    },
    {
      kind: "misnamed body section",
      file: "spec/types/T.md",
      text: `${HEAD}### Response bodies: T\n\n${TABLE}| A | int32 | a |\n`,
      message: "spec/types/T.md:6:1: no `### Response body: <Type>` section with a " +
        "`Property Name | Type | Description` table",
    },
    {
      kind: "wrong column names",
      file: "spec/types/T.md",
      text: `${HEAD}### Response body: T\n\n| Name | Kind | Description |\n|---|---|---|\n| A | int32 | a |\n`,
      message: "spec/types/T.md:10:1: the response body table has columns `Name`, `Kind`, `Description`; " +
        "expected `Property Name`, `Type`, `Description`",
    },
    {
      kind: "empty type cell",
      file: "spec/types/T.md",
      text: `${HEAD}### Response body: T\n\n${TABLE}| A |  | a |\n`,
      message: "spec/types/T.md:12:5: empty `Type` cell in the response body table",
    },
    {
      kind: "duplicate property",
      file: "spec/types/T.md",
      text: `${HEAD}### Response body: T\n\n${TABLE}| A | int32 | a |\n| A | string | b |\n`,
      message: "spec/types/T.md:13:3: duplicate property `A` (first at line 12)",
    },
    {
      kind: "coarse type on a type page",
      file: "spec/types/T.md",
      text: `${HEAD}### Response body: T\n\n${TABLE}| A | array | a |\n`,
      message: "spec/types/T.md:12:7: `array` is too coarse here; write X[] or map<X>",
    },
  ];

  for (const { kind, file, text, page, message } of cases) {
    it(kind, () => {
      const error = errorOf(() => parsePage(text, file, page ?? "type"));
      expect(error.code).to.equal("ERR_CT_PAGE_MALFORMED");
      expect(error.message).to.equal(message);
    });
  }

  describe("across pages (loadSpec on a temp copy of spec/)", () => {
    let checkout: ReturnType<typeof copyCheckout>;
    beforeEach(() => (checkout = copyCheckout()));
    afterEach(() => checkout.remove());

    it("an unknown type names the cell and lists what is allowed", () => {
      checkout.edit("spec/types/Sale.md", "| Currency | string |", "| Currency | Curency |");
      const error = errorOf(() => loadSpec(join(checkout.dir, "spec")));
      expect(error.code).to.equal("ERR_CT_PAGE_TYPE_UNKNOWN");
      expect(error.message).to.equal(
        "spec/types/Sale.md:22:14: unknown type `Curency` for property `Currency` (allowed: int32, " +
          "int64, double, bool, string, date-time, X[], map<X>, enum(…), or one of: Associate, " +
          "FieldProperty, FieldRight, Person, Project, Sale, TableRight, Tag, TicketCategoryEntity, " +
          "TicketEntityWithLinks, TicketFormSubmission, TicketMessage, TicketMessageHeader, " +
          "TicketPriorityEntity, TicketPriorityEscalationLevelEntity, TicketStatusEntity, TicketType)",
      );
    });

    it("a refinement that widens a type names both places", () => {
      checkout.edit(
        "spec/types/TicketEntityWithLinks.md",
        "| Tags | Tag[] |",
        "| Tags | Tag[] | An array. |\n| TicketId | string |",
      );
      const error = errorOf(() => loadSpec(join(checkout.dir, "spec")));
      expect(error.code).to.equal("ERR_CT_PAGE_MALFORMED");
      expect(error.message).to.equal(
        "spec/types/TicketEntityWithLinks.md:23:14: refinement of `TicketId` to `string` does not " +
          "narrow `int32` at spec/v1TicketEntity_GetTicketEntity.md:67:14 (allowed: string → enum(…), " +
          "array → X[], object → map<X>)",
      );
    });

    it("a coarse type no refinement narrows is reported at the published cell", () => {
      checkout.edit("spec/types/TicketEntityWithLinks.md", "| Tags | Tag[] | The ticket's tags. |\n", "");
      const error = errorOf(() => loadSpec(join(checkout.dir, "spec")));
      expect(error.message).to.equal(
        "spec/v1TicketEntity_GetTicketEntity.md:110:10: `TicketEntityWithLinks.Tags` is typed `array` " +
          "and no refinement page narrows it (write it in spec/types/TicketEntityWithLinks.md as X[] or map<X>)",
      );
    });

    it("the CLI prints one line and exits 2, without a stack trace", async () => {
      checkout.edit("spec/types/Sale.md", "| Currency | string |", "| Currency | Curency |");
      const io = captureIo(checkout.dir);
      const code = await main(["node", "so-conformance", "derive", "--check"], io);
      expect(code).to.equal(2);
      expect(io.stderr()).to.match(/^so-conformance: spec\/types\/Sale\.md:22:14: unknown type `Curency`/);
      expect(io.stderr()).to.match(/\[ERR_CT_PAGE_TYPE_UNKNOWN\]\n$/);
      expect(io.stderr()).not.to.match(/\n\s+at /);
    });
  });
});
