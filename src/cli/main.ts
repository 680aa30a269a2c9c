import { Command, CommanderError, Option } from "commander";
// Note: repo-root alone, not the markdown stage's index, so start-up loads no parser.
import { suiteVersion } from "../markdown/repo-root.js";
import { isConformanceError } from "../model/errors.js";
import { processIo, type CliIo } from "./io.js";

/** Collects a repeatable option into an array. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--profile`, lenient by default, with what it means for this command. */
function profileOption(meaning: string): Option {
  const option = new Option("--profile <profile>", meaning).choices(["lenient", "strict"]);
  return option.default("lenient");
}

/** Builds the `so-conformance` command line. Each action resolves to the process exit code. */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("so-conformance")
    .description("Conformance suite for the SuperOffice WebAPI operation GET /api/v1/Ticket/{id}")
    .version(suiteVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command("run")
    .description("judge a target against every requirement and write the reports")
    .option(
      "--target <url>",
      "API root, e.g. https://host/Cust123/api (default: the embedded reference server)",
    )
    .option("--ticket <id>", "an existing ticket id (repeatable)", collect)
    .option("--missing-ticket <id>", "a ticket id that does not exist")
    .option("--fk-ticket <id>", "a ticket id known to have foreign keys")
    .addOption(profileOption("lenient fails only MUST; strict fails SHOULD too"))
    .option(
      "--only <areas>",
      "comma-separated areas or requirement ids (STATUS,SCHEMA,SELECT,FK,MEDIA,LANG,TZ,AUTH)",
    )
    .option("--out <dir>", "where reports are written", "reports")
    .option("--record <dir>", "record live traffic as cassettes into DIR")
    .option("--replay <dir>", "replay cassettes from DIR with the network locked down")
    .option("--timeout <ms>", "per-request timeout in milliseconds", "10000")
    .option("--run-timeout <ms>", "timeout for the whole run in milliseconds", "600000")
    .option("--max-body <bytes>", "largest response body read, in bytes", String(8 * 1024 * 1024))
    .option("--insecure", "allow credentials over plain http to a non-loopback host")
    .option("--sign-key <file>", "sign certification.json with this Ed25519 private key (PEM)")
    .option("--quiet", "print only the summary")
    .option("--verbose", "print every finding as it is found")
    .action(async (options: Record<string, unknown>) => {
      const { runCommand } = await import("./run.js");
      setExit(await runCommand(options, io));
    });

  program
    .command("serve")
    .description("start the reference server")
    .option("--port <n>", "port to listen on (0 picks a free one)", "8080")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--verbose", "log each request to stderr")
    .action(async (options: Record<string, unknown>) => {
      const { serveCommand } = await import("./serve.js");
      setExit(await serveCommand(options, io));
    });

  program
    .command("derive")
    .description("derive JSON Schemas from spec/ into schemas/")
    .option("--check", "fail when the committed schemas differ from a fresh derivation")
    .option("--spec <dir>", "spec directory", "spec")
    .option("--schemas <dir>", "schemas directory", "schemas")
    .action(async (options: Record<string, unknown>) => {
      const { deriveCommand } = await import("./derive.js");
      setExit(await deriveCommand(options, io));
    });

  program
    .command("validate")
    .description(
      "validate response bodies (files, directories or - for stdin) against the contract",
    )
    .argument("<files...>", "JSON, XML, NDJSON or HAR files, directories, or - for standard input")
    .option("--type <name>", "the body type", "TicketEntityWithLinks")
    .addOption(
      new Option("--format <format>", "input format (default: from the file name)").choices([
        "json",
        "xml",
        "ndjson",
        "har",
      ]),
    )
    .addOption(profileOption("lenient reports unknown enum values and properties as warnings"))
    .option("--json <file>", "also write the summary as JSON")
    .option(
      "--workers <n>",
      "judging threads (default: 1 below 16 MiB of input, else one per core)",
    )
    .option("--quiet", "print only the summary")
    .action(async (files: string[], options: Record<string, unknown>) => {
      const { validateCommand } = await import("./validate.js");
      setExit(await validateCommand(files, options, io));
    });

  program
    .command("verify")
    .description("check the hash and signature of a certification record")
    .argument("<report>", "certification.json")
    .option("--public-key <file>", "the signer's public key (PEM); default: the one in the record")
    .action(async (report: string, options: Record<string, unknown>) => {
      const { verifyCommand } = await import("./verify.js");
      setExit(await verifyCommand(report, options, io));
    });

  for (const command of [program, ...program.commands]) pointAtHelp(command, io);
  return program;
}

/**
 * Makes a parse error one line that names the command's help, instead of the whole help text:
 * `so-conformance: unknown option '--bogus' (see so-conformance run --help)`.
 */
function pointAtHelp(command: Command, io: CliIo): void {
  const name = command.parent ? `so-conformance ${command.name()}` : "so-conformance";
  command.configureOutput({
    outputError: (text) => {
      // Commander puts a suggestion ("(Did you mean --verbose?)") on a line of its own.
      const message = text.replace(/^error: /, "").trim().split(/\s*\n\s*/).join(" ");
      io.err(`so-conformance: ${message} (see ${name} --help)\n`);
    },
  });
}

/** Runs the CLI. Expected errors print one line and exit 2; a bug prints its stack and exits 2. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse failure is a usage error.
      exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (isConformanceError(error)) {
      // Note: a usage error points at the command's help, as the parser's own errors do.
      const command = argv[2] !== undefined && !argv[2].startsWith("-") ? ` ${argv[2]}` : "";
      const hint = error.code === "ERR_CT_USAGE" ? ` (see so-conformance${command} --help)` : "";
      io.err(`so-conformance: ${error.message} [${error.code}]${hint}\n`);
      exitCode = 2;
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      io.err(`so-conformance: internal error: ${detail}\n`);
      exitCode = 2;
    }
  }
  process.exitCode = exitCode;
  return exitCode;
}
