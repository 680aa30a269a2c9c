import { expect } from "chai";
import { readXmlBody } from "../../src/validate/index.js";
import { errorOf } from "../helpers/errors.js";

const NS =
  'xmlns="http://schemas.datacontract.org/2004/07/SuperOffice.WebApi" ' +
  'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';


describe("readXmlBody: DataContract XML read through the schema", () => {
  it("types come from the schema, never from how text looks; text is not trimmed", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<TicketEntityWithLinks ${NS}>
  <TicketId>000417</TicketId>
  <Title>000417</Title>
  <Author>  spaced  </Author>
  <HasAttachment>true</HasAttachment>
  <CreatedAt>2019-12-19T11:55:14</CreatedAt>
  <Slevel>External</Slevel>
</TicketEntityWithLinks>`;
    expect(readXmlBody(xml, "TicketEntityWithLinks")).to.deep.equal({
      root: "TicketEntityWithLinks",
      value: {
        TicketId: 417,
        Title: "000417",
        Author: "  spaced  ",
        HasAttachment: true,
        CreatedAt: "2019-12-19T11:55:14",
        Slevel: "External",
      },
      problems: [],
    });
  });

  it("<X/> is an empty string, i:nil is null, prefixes are ignored, entities are decoded once", () => {
    const xml = `<a:TicketEntity xmlns:a="urn:x" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
      `<a:Title/><a:Person i:nil="true"/><a:TicketId i:nil="true"/>` +
      `<a:Author>R&amp;D &lt;team&gt; &#233;&#x4E2D; &amp;amp;</a:Author></a:TicketEntity>`;
    expect(readXmlBody(xml, "TicketEntityWithLinks")).to.deep.equal({
      root: "TicketEntity",
      value: { Title: "", Person: null, TicketId: null, Author: "R&D <team> é中 &amp;" },
      problems: [],
    });
  });

  it("maps are key/value pairs, matched by local name, any item element name", () => {
    const xml = `<TicketEntity ${NS} xmlns:b="http://schemas.microsoft.com/2003/10/Serialization/Arrays">` +
      `<ExtraFields><b:KeyValueOfstringstring><b:Key>x_one</b:Key><b:Value>[I:3]</b:Value>` +
      `</b:KeyValueOfstringstring><Pair><Key>empty</Key><Value/></Pair></ExtraFields>` +
      `<FieldProperties><KeyValueOfstringFieldPropertyAbc><Key>Title</Key><Value>` +
      `<FieldRight><Mask>Read</Mask><Reason/></FieldRight><FieldLength>255</FieldLength>` +
      `</Value></KeyValueOfstringFieldPropertyAbc></FieldProperties></TicketEntity>`;
    expect(readXmlBody(xml, "TicketEntityWithLinks").value).to.deep.equal({
      ExtraFields: { x_one: "[I:3]", empty: "" },
      FieldProperties: { Title: { FieldRight: { Mask: "Read", Reason: "" }, FieldLength: 255 } },
    });
  });

  it("arrays have one child per item, named after the item type", () => {
    const xml = `<TicketEntity ${NS}><SecondaryPersons><Person><PersonId>5</PersonId>` +
      `<Firstname>Ann</Firstname></Person><Person><PersonId>6</PersonId></Person></SecondaryPersons>` +
      `<TicketType><VisibleForGroups xmlns:b="urn:arrays"><b:int>1</b:int><b:int>2</b:int>` +
      `</VisibleForGroups></TicketType><Priority><NonDates><dateTime>2020-01-01T00:00:00</dateTime>` +
      `</NonDates></Priority></TicketEntity>`;
    expect(readXmlBody(xml, "TicketEntityWithLinks").value).to.deep.equal({
      SecondaryPersons: [{ PersonId: 5, Firstname: "Ann" }, { PersonId: 6 }],
      TicketType: { VisibleForGroups: [1, 2] },
      Priority: { NonDates: ["2020-01-01T00:00:00"] },
    });
  });

  it("unparsable text for a typed element is a problem with its path; the text is kept", () => {
    const xml = `<TicketEntity><TicketId>abc</TicketId><SecondaryPersons><Person>` +
      `<UsePersonAddress>yes</UsePersonAddress></Person></SecondaryPersons><Sale><Amount>1,5</Amount></Sale>` +
      `<Colour>red</Colour></TicketEntity>`;
    expect(readXmlBody(xml, "TicketEntityWithLinks")).to.deep.equal({
      root: "TicketEntity",
      value: {
        TicketId: "abc",
        SecondaryPersons: [{ UsePersonAddress: "yes" }],
        Sale: { Amount: "1,5" },
        Colour: "red",
      },
      problems: [
        "/TicketId: `abc` is not a valid int32",
        "/SecondaryPersons/0/UsePersonAddress: `yes` is not a valid bool",
        "/Sale/Amount: `1,5` is not a valid double",
      ],
    });
  });

  it("refuses DOCTYPE and ENTITY declarations: no entity is ever expanded", () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n' +
      "<TicketEntity><Title>&lol2;</Title></TicketEntity>";
    const external = '<!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><TicketEntity/>';
    for (const [xml, where] of [[bomb, "2:1"], [external, "1:1"]] as const) {
      const error = errorOf(() => readXmlBody(xml, "TicketEntityWithLinks"));
      expect(error.code).to.equal("ERR_CT_INPUT_MALFORMED");
      expect(error.message).to.equal(
        `${where}: XML with a DOCTYPE declaration is refused (entities are never expanded; a response body needs none)`,
      );
    }
  });

  it("XML that is not well formed names line and column", () => {
    const error = errorOf(() => readXmlBody("<TicketEntity>\n  <Title>x</Titel>\n</TicketEntity>", "TicketEntityWithLinks"));
    expect(error.code).to.equal("ERR_CT_INPUT_MALFORMED");
    expect(error.message).to.match(/^2:\d+: not well-formed XML: /);
  });
});
