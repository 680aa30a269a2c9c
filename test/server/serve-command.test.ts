import { expect } from "chai";
import { serveCommand } from "../../src/cli/serve.js";
import { startReferenceServer } from "../../src/server/index.js";
import { captureIo } from "../cli/fake-io.js";
import { BASIC } from "./helpers.js";


/** Waits until the command has printed its root URL, and returns it. */
async function rootFrom(io: ReturnType<typeof captureIo>): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const match = /listening on (http:\/\/\S+\/api)/.exec(io.stderr());
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no root URL printed: ${io.stderr()}`);
}

describe("so-conformance serve", () => {
  it("prints the root and the credential hint, logs with --verbose, and stops with 0", async () => {
    const io = captureIo(process.cwd());
    const stop = new AbortController();
    const running = serveCommand({ port: "0", host: "127.0.0.1", verbose: true }, io, stop.signal);
    const root = await rootFrom(io);
    const reply = await fetch(`${root}/v1/Ticket/1`, { headers: { authorization: BASIC } });
    expect(reply.status).to.equal(200);
    stop.abort();
    expect(await running).to.equal(0);
    const text = io.stderr();
    for (const name of ["SO_AUTHORIZATION", "SO_APP_TOKEN", "SO_XSRF_TOKEN", "SO_COOKIE"]) {
      expect(text).to.include(name);
    }
    expect(text).to.match(/GET \/api\/v1\/Ticket\/1 200 \d+ms/);
    expect(text).to.include("reference server stopped");
    expect(io.stdout()).to.equal("");
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`stops cleanly on ${signal}`, async () => {
      const io = captureIo(process.cwd());
      const running = serveCommand({ port: "0", host: "127.0.0.1" }, io);
      const root = await rootFrom(io);
      process.emit(signal);
      expect(await running).to.equal(0);
      const after = await fetch(`${root}/v1/Ticket/1`).then(() => "answered", () => "refused");
      expect(after).to.equal("refused");
      expect(io.stderr()).to.not.match(/GET \/api/);
    });
  }

  for (const port of ["abc", "-1", "65536", "8080.5", ""]) {
    it(`refuses --port '${port}' with exit 2 and one line`, async () => {
      const io = captureIo(process.cwd());
      expect(await serveCommand({ port, host: "127.0.0.1" }, io)).to.equal(2);
      expect(io.stderr())
        .to.equal(`so-conformance: --port \`${port}\` is not a port number; use 0 to 65535\n`);
    });
  }

  it("refuses a malformed --host with exit 2 and one line", async () => {
    const io = captureIo(process.cwd());
    expect(await serveCommand({ port: "0", host: "bad host!" }, io)).to.equal(2);
    expect(io.stderr())
      .to.equal("so-conformance: --host `bad host!` is not a host name or IP address\n");
  });

  it("reports a port in use with exit 2 and one line", async () => {
    const busy = await startReferenceServer();
    try {
      const io = captureIo(process.cwd());
      expect(await serveCommand({ port: String(busy.port), host: "127.0.0.1" }, io)).to.equal(2);
      expect(io.stderr()).to.equal(
        `so-conformance: port ${busy.port} on 127.0.0.1 is already in use; ` +
          "choose another --port (0 picks a free one)\n",
      );
    } finally {
      await busy.close();
    }
  });
});
