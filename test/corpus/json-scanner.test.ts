import { expect } from "chai";
import fc from "fast-check";
import { JsonScanError, JsonScanner } from "../../src/validate/corpus/json-scanner.js";

const decoder = new TextDecoder();

/** Scans `text` cut at `cuts`; returns the captured elements parsed, or the scan error. */
function scan(text: string, cuts: number[], path = ["log", "entries"]): unknown[] | JsonScanError {
  const bytes = Buffer.from(text);
  const scanner = new JsonScanner({ path });
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const found: unknown[] = [];
  try {
    let from = 0;
    for (const to of [...points, bytes.length]) {
      for (const element of scanner.write(bytes.subarray(from, to))) found.push(JSON.parse(decoder.decode(element)));
      from = to;
    }
    scanner.end();
    return found;
  } catch (error) {
    if (error instanceof JsonScanError) return error;
    throw error;
  }
}

/** Whether JSON.parse accepts the text. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const cuts = fc.array(fc.nat(), { maxLength: 8 });
const whitespace = fc.constantFrom("", " ", "\n", "\t ", "\r\n  ");

describe("JsonScanner", () => {
  it("hands back each element of log.entries exactly as JSON.parse reads it", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.jsonValue(), cuts, whitespace, (entries, other, at, ws) => {
        const doc = { before: other, log: { version: "1.2", entries, pages: [other] }, after: other };
        const text = JSON.stringify(doc, null, ws.length > 1 ? ws : undefined);
        expect(scan(text, at)).to.deep.equal(JSON.parse(JSON.stringify(entries)));
      }),
      { numRuns: 400 },
    );
  });

  it("accepts exactly the documents JSON.parse accepts, however the bytes are chunked", () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.nat(), fc.constantFrom("", "\"", "{", "]", ",", ":", "-", "1", "e", ".", "\\", "\u0001", "tru", " "))
      .map(([text, cut, insertAt, insert]) => {
        const at = insertAt % (text.length + 1);
        const mutatedText = text.slice(0, at) + insert + text.slice(at);
        return cut % 3 === 0 ? mutatedText.slice(0, cut % (mutatedText.length + 1)) : mutatedText;
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated), cuts, (text, at) => {
        const result = scan(text, at);
        expect(result instanceof JsonScanError, text).to.equal(!parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("reports a truncated HAR with the byte where input ended", () => {
    const text = '{"log":{"entries":[{"a":1},{"b":"tru';
    const result = scan(text, []);
    expect(result).to.be.instanceOf(JsonScanError);
    expect((result as JsonScanError).message).to.match(/truncated\?\) at byte 36/);
  });

  it("keeps only the element being read: its buffer never exceeds the largest element", () => {
    const scanner = new JsonScanner({ path: ["log", "entries"] });
    const element = JSON.stringify({ text: "x".repeat(1000) });
    let high = 0;
    scanner.write(Buffer.from('{"log":{"entries":['));
    for (let n = 0; n < 200; n++) {
      const chunk = Buffer.from(`${n ? "," : ""}${element}`);
      for (let i = 0; i < chunk.length; i += 97) {
        scanner.write(chunk.subarray(i, i + 97));
        high = Math.max(high, scanner.bufferedBytes);
      }
    }
    scanner.write(Buffer.from("]}}"));
    scanner.end();
    expect(scanner.elements).to.equal(200);
    expect(high).to.be.at.most(element.length);
  });
});
