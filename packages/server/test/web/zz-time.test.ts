import { it } from 'vitest';
import { startTestPlatform } from '../harness/start-test-platform.ts';
it('t', async () => {
  const h = await startTestPlatform();
  const a = await h.createAccount();
  const run = async (body: object) => { const t0 = Date.now(); const { task } = await h.platform.tasks.createTask(a.accountId, body, { wallet: 'api' }); await h.drainQueue(); const info = await h.platform.tasks.getTask(a.accountId, task.id); console.log(JSON.stringify(body).slice(0, 60), Date.now() - t0, info.task.status, info.task.errorMessage); return task.id; };
  const m = await run({ type: 'text_to_model', prompt: 'a small ceramic teapot' });
  await run({ type: 'convert_model', original_model_task_id: m, format: 'OBJ' });
  await run({ type: 'convert_model', original_model_task_id: m, format: 'GLB' });
  await run({ type: 'highpoly_to_lowpoly', original_model_task_id: m, face_limit: 2000 });
  await h.close();
}, 120000);
