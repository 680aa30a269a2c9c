// Generates the standalone validators from schemas/ into dist/validators/ (run after `tsc`).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  defaultGeneratedPath,
  generateStandaloneModule,
  readSchemaSet,
} from "../src/validate/standalone/index.js";

const target = process.argv[2] ?? defaultGeneratedPath();
const set = readSchemaSet(process.argv[3]);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, generateStandaloneModule(set));
process.stdout.write(`validators for ${set.documents.length} schemas written to ${target}\n`);
