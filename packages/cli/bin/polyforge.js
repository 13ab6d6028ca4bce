#!/usr/bin/env node
// Launcher: registers the tsx loader so the TypeScript sources run directly, then starts the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main();
