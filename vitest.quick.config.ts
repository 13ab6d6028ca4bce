// The edit loop's subset (`npm run test:quick`): the unit tests beside the sources of every package, geometry's own
// tests and two HTTP smoke files, less the slow files below; `npm test` (CI) runs everything.
import { defineConfig } from 'vitest/config';
import fullSuite from './vitest.config.ts';

/** Files that take over 5 s each on a 2-core machine (Blender, whole-model algorithms, platforms booted per test). */
const SLOW_FILES = [
  'packages/geometry/test/corpus/blender-corpus.test.ts',
  'packages/geometry/test/corpus/corpus-round-trip.test.ts',
  'packages/geometry/src/formats/fbx/write-fbx-skin.test.ts',
  'packages/geometry/src/read/read-fbx.test.ts',
  'packages/geometry/src/segmentation/segment-model.test.ts',
  'packages/geometry/src/image-to-model/photo-object.test.ts',
  'packages/geometry/src/multiview/multiview-to-model.test.ts',
  'packages/geometry/src/render/render-preview.test.ts',
  'packages/geometry/src/completion/complete-model.test.ts',
  'packages/geometry/src/generators/generator-library.test.ts',
  'packages/geometry/src/rigging/rig-model.test.ts',
  'packages/geometry/src/rigging/rig-props.test.ts',
  'packages/geometry/src/rigging/analyse-rig-shape.test.ts',
  'packages/geometry/src/rigging/animation/bake-preset-animation.test.ts',
  'packages/geometry/src/mesh/simplify-to-face-limit.test.ts',
  'packages/geometry/src/texturing/texture-model.test.ts',
  'packages/geometry/src/raster/background-removal.test.ts',
  'packages/geometry/src/formats/zip/write-zip.test.ts',
  'packages/server/src/tasks/task-runner.test.ts',
  'packages/sdk/src/polyforge-client.test.ts',
  'packages/sdk/src/polyforge-client-tasks.test.ts',
];

export default defineConfig({
  ...fullSuite,
  test: {
    ...fullSuite.test,
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/geometry/test/**/*.test.ts',
      'packages/server/test/api/auth.test.ts',
      'packages/server/test/api/create-task.test.ts',
    ],
    exclude: ['**/node_modules/**', ...SLOW_FILES],
  },
});
