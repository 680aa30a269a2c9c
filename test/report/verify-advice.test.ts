import { generateKeyPairSync } from "node:crypto";
import { expect } from "chai";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { sealRecord } from "../../src/report/seal.js";
import { fixtureRecord } from "./fixture-record.js";

const STRONG = "so-conformance verify certification.json --public-key <the signer's public key>";
const WEAK = "so-conformance verify certification.json";

/** The fixture record signed with a fresh key. */
function signedRecord() {
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return sealRecord(fixtureRecord(), pem);
}

describe("report: how to check the record", () => {
  const signed = signedRecord();
  const unsigned = fixtureRecord();

  it("Markdown of a signed record suggests verify with the signer's public key", () => {
    expect(renderMarkdown(signed)).to.include(`\`${STRONG}\``);
  });

  it("HTML of a signed record suggests verify with the signer's public key", () => {
    expect(renderHtml(signed)).to.include(
      "<code>so-conformance verify certification.json --public-key " +
        "&#x3C;the signer's public key></code>",
    );
  });

  it("an unsigned record is said to be checkable for consistency only", () => {
    const markdown = renderMarkdown(unsigned);
    const html = renderHtml(unsigned);
    for (const report of [markdown, html]) {
      expect(report).to.include("can only be checked for consistency");
      expect(report).not.to.include("--public-key");
    }
    expect(markdown).to.include(`\`${WEAK}\``);
    expect(html).to.include(`<code>${WEAK}</code>`);
  });
});
