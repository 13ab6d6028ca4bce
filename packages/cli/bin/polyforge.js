#!/usr/bin/env node
// Launcher. `#main` is the compiled dist/main.js; under `node --conditions=polyforge-source --import tsx` (the tests and
// the edit loop) it is src/main.ts, so the sources run without a build.
import { main } from '#main';

await main();
