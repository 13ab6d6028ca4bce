"""The worker loop: register, lease (long poll), run the handler while a thread heartbeats the lease, upload
the outputs and complete; a TaskError fails the task (retryable or not). A customer's cancel or a lost lease
sets task.cancelled, which handlers should check between steps."""

import threading
import time
import traceback

from .client import WorkerApiClient, WorkerApiError


# The error catalogue's worker failures (docs/errors.md, packages/protocol WORKER_FAILURE_NAMES): name -> error_code.
# A test in packages/protocol checks this table against the catalogue.
WORKER_FAILURES = {
    "engineFailed": 1001,
    "emptyFile": 2003,
    "unreadableModel": 2004,
    "contentPolicyViolation": 2008,
    "modelTooComplex": 2018,
}


class TaskError(Exception):
    """Raise from a handler to fail the task; retryable failures go back to the queue while attempts remain.
    error_code is one of WORKER_FAILURES' codes, e.g. TaskError("bad mesh", error_code=WORKER_FAILURES["unreadableModel"])."""

    def __init__(self, message, retryable=False, error_code=None):
        super().__init__(message)
        self.retryable = retryable
        self.error_code = error_code


class OutputFile:
    def __init__(self, data, extension, content_type="application/octet-stream"):
        self.data = data
        self.extension = extension
        self.content_type = content_type


class TaskOutput:
    def __init__(self, files=None, result=None):
        self.files = files or {}
        self.result = result or {}


class LeasedTask:
    """What a handler gets: the request (defaults applied), its inputs, progress reporting and cancellation."""

    def __init__(self, client, lease):
        self._client = client
        self.lease_id = lease["lease_id"]
        self.task_id = lease["task_id"]
        self.task_type = lease["task_type"]
        self.model_version = lease.get("model_version")
        self.request = lease["request"]
        self.inputs = lease["inputs"]
        self.attempt = lease["attempt"]
        self.progress = None
        self.lease_lost = False
        self._stop = threading.Event()

    @property
    def cancelled(self):
        """True once the customer cancelled or the lease was lost: stop as soon as you can."""
        return self._stop.is_set()

    def report_progress(self, percent):
        self.progress = percent

    def read_input(self, name):
        return self._client.read_input(self.lease_id, name)


class PolyforgeWorker:
    def __init__(self, base_url, token, handler, name=None, capabilities=None, task_types=None, model_versions=None, wait_seconds=20, log=None):
        self.client = WorkerApiClient(base_url, token)
        self.handler = handler
        self.name = name
        self.capabilities = capabilities
        self.task_types = task_types
        self.model_versions = model_versions
        self.wait_seconds = wait_seconds
        self.log = log or (lambda message, **details: None)
        self.worker_id = None
        self._stopped = threading.Event()

    def stop(self):
        self._stopped.set()

    def run(self):
        registration = self.client.register(self.name, self.capabilities, self.task_types, self.model_versions)
        self.worker_id = registration["worker_id"]
        self.log("registered", worker_id=self.worker_id, capabilities=registration["capabilities"])
        while not self._stopped.is_set():
            try:
                lease = self.client.lease(self.worker_id, self.wait_seconds)
            except (WorkerApiError, OSError) as error:
                self.log("lease failed; retrying", error=str(error))
                time.sleep(1)
                continue
            if lease:
                self._run_lease(lease)

    def _run_lease(self, lease):
        task = LeasedTask(self.client, lease)
        cancelled_by_customer = threading.Event()
        done = threading.Event()
        interval = max(1, lease["heartbeat_interval_seconds"])

        def beat():
            while not done.wait(interval):
                try:
                    answer = self.client.heartbeat(task.lease_id, task.progress)
                    if answer.get("cancel_requested"):
                        cancelled_by_customer.set()
                        task._stop.set()
                except WorkerApiError as error:
                    if error.lease_lost:
                        task.lease_lost = True
                        task._stop.set()
                        return
                    self.log("heartbeat failed", task_id=task.task_id, error=str(error))
                except OSError as error:
                    self.log("heartbeat failed", task_id=task.task_id, error=str(error))

        heartbeat = threading.Thread(target=beat, daemon=True)
        heartbeat.start()
        try:
            output = self.handler(task)
            if task.lease_lost:
                return
            if cancelled_by_customer.is_set():
                self.client.fail(task.lease_id, False, "stopped: cancelled by the customer")
                return
            for output_key, file in output.files.items():
                self.client.upload_output(task.lease_id, output_key, file.data, file.extension, file.content_type)
            self.client.complete(task.lease_id, output.result)
            self.log("completed", task_id=task.task_id)
        except WorkerApiError as error:
            if error.lease_lost or task.lease_lost:
                self.log("lease lost; the task was given back", task_id=task.task_id)
                return
            self._report_failure(task, False, str(error), None)
        except TaskError as error:
            if not task.lease_lost:
                self._report_failure(task, error.retryable, str(error), error.error_code)
        except Exception as error:  # an unexpected fault (out of memory, a driver error) is worth another attempt
            if not task.lease_lost:
                self.log("handler crashed", task_id=task.task_id, error=traceback.format_exc(limit=3))
                self._report_failure(task, True, "%s: %s" % (type(error).__name__, error), None)
        finally:
            done.set()

    def _report_failure(self, task, retryable, message, error_code):
        try:
            self.client.fail(task.lease_id, retryable, message, error_code)
        except (WorkerApiError, OSError) as error:
            self.log("could not report the failure; the lease will expire", task_id=task.task_id, error=str(error))
