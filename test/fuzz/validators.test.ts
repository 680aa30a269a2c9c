import fc from "fast-check";
import { referenceTicketJson, validatorsProperty } from "./properties.js";

const SEED = 20_240_603;

describe("fuzz: the body validators", function () {
  this.timeout(30_000);
  let ticket: unknown;
  before(async () => (ticket = await referenceTicketJson()));

  it("return violations whose pointers resolve, for any JSON value, never throw (200 runs)", () => {
    fc.assert(validatorsProperty(ticket), { numRuns: 200, seed: SEED });
  });
});
