"""Example worker: serves text_to_model on a worker pool with the parametric-mesh generator.

    POLYFORGE_URL=http://127.0.0.1:8080 POLYFORGE_WORKER_TOKEN=pfw_... python3 workers/python/examples/parametric_mesh_worker.py

Optional: POLYFORGE_WORKER_POOLS=example-mesh (comma-separated), POLYFORGE_EXAMPLE_DELAY_SECONDS=0 (simulated
inference time, reported as progress)."""

import json
import os
import signal
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from polyforge_worker import OutputFile, PolyforgeWorker, TaskError, TaskOutput, write_glb  # noqa: E402
from parametric_mesh import build_shape, describe_prompt  # noqa: E402


def generate(task):
    if task.task_type != "text_to_model":
        raise TaskError("this worker serves text_to_model, not %s" % task.task_type, retryable=False)
    shape, colour = describe_prompt(str(task.request.get("prompt", "")))
    steps = int(float(os.environ.get("POLYFORGE_EXAMPLE_DELAY_SECONDS", "0")) * 10)
    for step in range(1, steps + 1):
        if task.cancelled:
            raise TaskError("stopped", retryable=False)
        time.sleep(0.1)
        task.report_progress(step / steps * 90)
    positions, normals, indices = build_shape(shape)
    glb = write_glb(positions, normals, indices, colour, shape)
    return TaskOutput(files={"model": OutputFile(glb, "glb", "model/gltf-binary")}, result={"generator": "parametric-%s" % shape})


def main():
    token = os.environ.get("POLYFORGE_WORKER_TOKEN")
    if not token:
        sys.stderr.write("set POLYFORGE_WORKER_TOKEN to a worker token (polyforge workers token create --name ... --capabilities ...)\n")
        return 2
    pools = os.environ.get("POLYFORGE_WORKER_POOLS")

    def log(message, **details):
        details["message"] = message
        print(json.dumps(details), flush=True)

    worker = PolyforgeWorker(
        os.environ.get("POLYFORGE_URL", "http://127.0.0.1:8080"),
        token,
        generate,
        name=os.environ.get("POLYFORGE_WORKER_NAME", "example-python-worker"),
        capabilities=pools.split(",") if pools else None,
        wait_seconds=5,
        log=log,
    )
    signal.signal(signal.SIGTERM, lambda *_: worker.stop())
    worker.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
