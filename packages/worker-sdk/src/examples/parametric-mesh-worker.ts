// Example worker: serves text_to_model on a worker pool with the parametric-mesh generator.
//   POLYFORGE_URL=http://127.0.0.1:8080 POLYFORGE_WORKER_TOKEN=pfw_... node --conditions=polyforge-source --import tsx parametric-mesh-worker.ts
// Optional: POLYFORGE_WORKER_POOLS=example-mesh (comma-separated), POLYFORGE_EXAMPLE_DELAY_SECONDS=0 (simulated
// inference time, reported as progress).
import { PolyforgeWorker, TaskError, type LeasedTask, type TaskOutput } from '../index.ts';
import { buildShape, describePrompt, meshToGlb } from './parametric-mesh.ts';

const baseUrl = process.env.POLYFORGE_URL ?? 'http://127.0.0.1:8080';
const token = process.env.POLYFORGE_WORKER_TOKEN;
if (!token) {
  process.stderr.write(
    'set POLYFORGE_WORKER_TOKEN to a worker token (polyforge workers token create --name ... --capabilities ...)\n',
  );
  process.exit(2);
}
const delaySeconds = Number(process.env.POLYFORGE_EXAMPLE_DELAY_SECONDS ?? '0');

async function generate(task: LeasedTask): Promise<TaskOutput> {
  if (task.taskType !== 'text_to_model')
    throw new TaskError(`this worker serves text_to_model, not ${task.taskType}`, { retryable: false });
  const prompt = String(task.request.prompt ?? '');
  const { shape, colour } = describePrompt(prompt);
  for (let step = 1; step <= delaySeconds * 10; step += 1) {
    if (task.signal.aborted) throw task.signal.reason;
    await new Promise((resolve) => setTimeout(resolve, 100));
    task.reportProgress((step / (delaySeconds * 10)) * 90);
  }
  const glb = await meshToGlb(buildShape(shape), colour, shape);
  return {
    files: { model: { bytes: glb, extension: 'glb', contentType: 'model/gltf-binary' } },
    result: { generator: `parametric-${shape}` },
  };
}

const worker = new PolyforgeWorker({
  baseUrl,
  token,
  handler: generate,
  name: process.env.POLYFORGE_WORKER_NAME ?? 'example-ts-worker',
  capabilities: process.env.POLYFORGE_WORKER_POOLS?.split(','),
  concurrency: Number(process.env.POLYFORGE_WORKER_CONCURRENCY ?? '1'),
  waitSeconds: 5,
  log: (message, details) => process.stdout.write(`${JSON.stringify({ message, ...details })}\n`),
});
process.once('SIGTERM', () => worker.stop());
process.once('SIGINT', () => worker.stop());
worker.run().catch((error) => {
  process.stderr.write(`worker stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
