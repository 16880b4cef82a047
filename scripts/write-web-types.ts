// Writes the pages' types (WEB_TYPES_PATH) from the API document with openapi-typescript; with
// --check, writes nothing and fails when the committed file is not what the document makes now.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from '../api/openapi/document';
import { loadConfig } from '../shared/config';

const WEB_TYPES_PATH = path.join(__dirname, '..', 'web', 'src', 'common', 'api-schema.d.ts');
const GENERATE_SCRIPT = 'npm run generate:web-types';

const BANNER = `/**
 * The API's types, made from its OpenAPI document (api/openapi/) by openapi-typescript.
 * Do not edit: change the document and run \`${GENERATE_SCRIPT}\`; \`npm run typecheck\` fails while
 * this file is not what the document makes.
 */

`;

async function webTypesSource(): Promise<string> {
  // The defaults, not this shell's environment: the file must not depend on who generates it.
  const document = buildOpenApiDocument(loadConfig({}));
  // As JSON, the document the service serves (openapi-typescript's own types for it are 3.0's).
  // emptyObjectsUnknown: an error's `data` is an object of details that differ by code, not an empty one.
  const ast = await openapiTS(JSON.stringify(document), { emptyObjectsUnknown: true });
  return BANNER + astToString(ast);
}

function firstDifferentLine(a: string, b: string): number {
  const linesOfA = a.split('\n');
  const linesOfB = b.split('\n');
  const index = linesOfA.findIndex((line, i) => line !== linesOfB[i]);
  return (index === -1 ? linesOfA.length : index) + 1;
}

async function main(check: boolean): Promise<void> {
  const source = await webTypesSource();
  const where = path.relative(process.cwd(), WEB_TYPES_PATH);
  if (!check) {
    writeFileSync(WEB_TYPES_PATH, source);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(WEB_TYPES_PATH, 'utf8');
  } catch {
    // A missing file is reported as drift below.
  }
  if (committed !== source) {
    console.error(`${where} is not what the API document makes now (first difference at line ${firstDifferentLine(committed, source)}): run \`${GENERATE_SCRIPT}\` and commit it.`);
    process.exitCode = 1;
  }
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
