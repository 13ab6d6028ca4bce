// The engines that ship inside the platform and run on the CPU.
import type { Engine } from '../engine.ts';
import { ConvertModelEngine } from './convert-model-engine.ts';
import { ImportModelEngine } from './import-model-engine.ts';
import { SmartLowPolyEngine } from './smart-low-poly-engine.ts';

export function createBuiltinEngines(): Engine[] {
  return [new ImportModelEngine(), new ConvertModelEngine(), new SmartLowPolyEngine()];
}
