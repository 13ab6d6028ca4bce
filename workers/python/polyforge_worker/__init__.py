"""Polyforge worker SDK for Python 3 (standard library only): lease tasks over the worker protocol
(docs/worker-protocol.md), heartbeat, upload outputs, complete or fail."""

from .client import WorkerApiClient, WorkerApiError
from .worker import WORKER_FAILURES, LeasedTask, OutputFile, PolyforgeWorker, TaskError, TaskOutput
from .glb import write_glb

__all__ = [
    "WorkerApiClient",
    "WorkerApiError",
    "LeasedTask",
    "OutputFile",
    "PolyforgeWorker",
    "TaskError",
    "TaskOutput",
    "WORKER_FAILURES",
    "write_glb",
]
