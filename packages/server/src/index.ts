export { createPlatform, type Platform } from './platform.ts';
export { loadConfig, type PlatformConfig } from './config.ts';
export { registerOpsCommands } from './ops/register-ops-commands.ts';
