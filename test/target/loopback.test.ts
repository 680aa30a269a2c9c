import { expect } from "chai";
import { isConformanceError } from "../../src/model/errors.js";
import { parseRoot } from "../../src/target/live.js";

const CREDENTIALS = { authorization: "Basic dXNlcjpwYXNz" };

/** Whether plain http to this root with credentials is refused as leaving the machine. */
function refused(root: string): boolean {
  try {
    parseRoot(root, CREDENTIALS, false);
    return false;
  } catch (error) {
    if (isConformanceError(error) && error.code === "ERR_CT_TARGET_INSECURE") return true;
    throw error;
  }
}

describe("the live target: which plain-http hosts count as this machine", () => {
  it("takes IPv6 and IPv4-mapped loopback addresses as loopback", () => {
    for (const host of ["[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "[::ffff:127.9.8.7]"]) {
      expect(refused(`http://${host}:18080/api`), host).to.equal(false);
    }
  });

  it("still refuses an IPv4-mapped address outside 127/8", () => {
    expect(refused("http://[::ffff:10.0.0.1]:18080/api")).to.equal(true);
    expect(refused("http://[::ffff:128.0.0.1]/api")).to.equal(true);
    expect(refused("http://[::2]/api")).to.equal(true);
  });
});
