// Writes the API document as the service serves it (this environment's configuration) to the path given, for the linter.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../api/openapi/document';
import { loadConfig } from '../shared/config';

const target = process.argv[2];
if (!target) throw new Error('usage: write-openapi-document.ts <output.json>');
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(loadConfig()), null, 2)}\n`);
