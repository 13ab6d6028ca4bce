// The engines that ship inside the platform and run on the CPU.
import type { Engine } from '../engine.ts';
import { createBackgroundRemover, type BackgroundRemover } from '../../images/background-remover.ts';
import { PhotoObjectCache } from '../../images/photo-object-cache.ts';
import { ConvertModelEngine } from './convert-model-engine.ts';
import { EditMultiviewImageEngine } from './edit-multiview-image-engine.ts';
import { GenerateMultiviewImageEngine } from './generate-multiview-image-engine.ts';
import { ImageToModelEngine } from './image-to-model-engine.ts';
import { ImportModelEngine } from './import-model-engine.ts';
import { MeshCompletionEngine } from './mesh-completion-engine.ts';
import { MeshSegmentationEngine } from './mesh-segmentation-engine.ts';
import { MultiviewToModelEngine } from './multiview-to-model-engine.ts';
import { PrerigCheckEngine } from './prerig-check-engine.ts';
import { RetargetEngine } from './retarget-engine.ts';
import { RigEngine } from './rig-engine.ts';
import { SmartLowPolyEngine } from './smart-low-poly-engine.ts';
import { GenerateImageEngine } from './generate-image-engine.ts';
import { TextToImageEngine } from './text-to-image-engine.ts';
import { TextToModelEngine } from './text-to-model-engine.ts';
import { TextureModelEngine } from './texture-model-engine.ts';

export interface BuiltinEngineOptions {
  /** background removal for image inputs (images/background-remover.ts); the built-in classical method when omitted */
  backgroundRemover?: BackgroundRemover;
}

export function createBuiltinEngines(options: BuiltinEngineOptions = {}): Engine[] {
  const backgroundRemover = options.backgroundRemover ?? createBackgroundRemover();
  // one cache of photo analyses: the create-time checks and the runs of both reconstructions share it
  const photoObjects = new PhotoObjectCache(backgroundRemover);
  return [
    new ImportModelEngine(),
    new ConvertModelEngine(),
    new SmartLowPolyEngine(),
    new ImageToModelEngine(backgroundRemover, photoObjects),
    new MultiviewToModelEngine(backgroundRemover, photoObjects),
    new GenerateMultiviewImageEngine(backgroundRemover),
    new EditMultiviewImageEngine(backgroundRemover),
    new TextToModelEngine(),
    new TextToImageEngine(),
    new GenerateImageEngine(backgroundRemover),
    new PrerigCheckEngine(),
    new RigEngine(),
    new RetargetEngine(),
    new MeshSegmentationEngine(),
    new MeshCompletionEngine(),
    new TextureModelEngine(),
  ];
}
