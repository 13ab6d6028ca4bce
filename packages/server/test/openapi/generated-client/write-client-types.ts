// Regenerates polyforge-api.ts beside this file (npm run openapi:client) after the OpenAPI document changed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClientTypes } from './generate-client-types.ts';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), 'polyforge-api.ts');
fs.writeFileSync(target, await generateClientTypes());
console.log(`wrote ${target}`);
