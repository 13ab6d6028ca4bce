# Runs plans in background threads (HTTP never blocks Blender's UI) and applies what they send back on the main
# thread from a bpy.app.timers callback: progress, a price to confirm, the finished result or the platform's error.
import itertools
import os
import queue
import shutil
import threading
import time

import bpy

from . import task_plans
from .api_client import PolyforgeClient, PolyforgeError

PUMP_INTERVAL_SECONDS = 0.1
FINISHED_STATUSES = ("success", "failed", "cancelled", "banned", "expired")

# Job states the panel shows.
STATE_WORKING = "working"
STATE_CONFIRM = "confirm"
STATE_DONE = "done"
STATE_FAILED = "failed"
STATE_CANCELLED = "cancelled"
ACTIVE_STATES = (STATE_WORKING, STATE_CONFIRM)

# Main-thread state: only pump() and the operators touch these.
JOBS = {}
_events = queue.Queue()
_job_ids = itertools.count(1)
_calls_running = 0
# Set by the add-on at registration: finish(job, result) applies a result to the scene, report(level, text) shows
# a message in Blender's report area, redraw() refreshes the panel.
HANDLERS = {"finish": None, "report": None, "redraw": None}


class JobSettings:
    """What a background thread needs, copied from the preferences on the main thread."""

    def __init__(self, base_url, api_key, download_dir, poll_interval_seconds=1.0, confirm_spending=True, timeout_seconds=60.0):
        self.base_url = base_url
        self.api_key = api_key
        self.download_dir = download_dir
        self.poll_interval_seconds = max(0.2, float(poll_interval_seconds))
        self.confirm_spending = confirm_spending
        self.timeout_seconds = timeout_seconds


class Job:
    def __init__(self, plan, context=None):
        self.id = next(_job_ids)
        self.plan = plan
        self.label = plan.label
        self.state = STATE_WORKING
        self.status_text = "Starting"
        self.progress = 0
        # Set while a price waits for the user: {"step", "credits", "balance"}.
        self.confirmation = None
        self.task_ids = []
        self.spent_credits = 0
        # Anything the finish handler needs from the operator (e.g. the source object's name).
        self.context = context or {}
        self._answer = threading.Event()
        self._approved = False
        self._cancelled = threading.Event()

    @property
    def active(self):
        return self.state in ACTIVE_STATES

    def answer(self, approved):
        """The user's answer to the price shown (main thread)."""
        self._approved = approved
        self.confirmation = None
        # Declined, the thread ends the job as cancelled; until then it is still working.
        self.state = STATE_WORKING
        self.status_text = "Starting" if approved else "Cancelling"
        self._answer.set()

    def cancel(self):
        self._cancelled.set()
        self._answer.set()


class JobCancelled(Exception):
    pass


class TaskFailed(Exception):
    def __init__(self, step_label, task):
        code = task.get("error_code")
        charged = task.get("consumed_credit") or 0
        message = "%s task %s %s%s: %s; %s" % (
            step_label,
            task.get("task_id"),
            task.get("status"),
            " (error %s)" % code if code is not None else "",
            (task.get("error_msg") or "no reason given").rstrip("."),
            "%s credits were charged" % charged if charged else "nothing was charged",
        )
        super().__init__(message)


def start(plan, settings, context=None):
    """Starts the plan in a background thread; returns its Job (main thread)."""
    job = Job(plan, context)
    JOBS[job.id] = job
    thread = threading.Thread(target=_run, args=(job, settings), name="polyforge-job-%d" % job.id, daemon=True)
    thread.start()
    _ensure_pump()
    return job


def call_in_background(work, on_result, label):
    """Runs work() (one quick request, e.g. the balance) in a thread; on_result(value) runs on the main thread."""
    global _calls_running
    _calls_running += 1

    def run():
        try:
            _events.put((None, "call", (on_result, work())))
        except PolyforgeError as error:
            _events.put((None, "call-error", "%s: %s" % (label, error.describe())))
        except Exception as error:  # a bug must surface, not vanish with the thread
            _events.put((None, "call-error", "%s: unexpected %s: %s" % (label, type(error).__name__, error)))

    threading.Thread(target=run, name="polyforge-call", daemon=True).start()
    _ensure_pump()


def pump():
    """The bpy.app.timers callback: applies the threads' events; unregisters itself once nothing is running."""
    global _calls_running
    changed = False
    while True:
        try:
            job_id, kind, payload = _events.get_nowait()
        except queue.Empty:
            break
        changed = True
        if job_id is None:
            _calls_running -= 1
            if kind == "call":
                on_result, value = payload
                on_result(value)
            else:
                _report("ERROR", payload)
            continue
        job = JOBS.get(job_id)
        if job is not None:
            _apply(job, kind, payload)
    if changed and HANDLERS["redraw"]:
        HANDLERS["redraw"]()
    return PUMP_INTERVAL_SECONDS if busy() else None


def busy():
    """Whether a job or a call still runs, or has events not applied yet."""
    return _calls_running > 0 or any(job.active for job in JOBS.values()) or not _events.empty()


def _ensure_pump():
    if not bpy.app.timers.is_registered(pump):
        bpy.app.timers.register(pump, first_interval=PUMP_INTERVAL_SECONDS)


def forget_finished():
    for job_id in [job_id for job_id, job in JOBS.items() if not job.active]:
        del JOBS[job_id]


def _apply(job, kind, payload):
    if kind == "status":
        job.status_text, job.progress = payload
    elif kind == "task":
        job.task_ids.append(payload)
    elif kind == "confirm":
        job.state = STATE_CONFIRM
        job.confirmation = payload
        job.status_text = "%s costs %d credits" % (payload["step"], payload["credits"])
    elif kind == "spent":
        job.spent_credits += payload
    elif kind == "done":
        try:
            message = HANDLERS["finish"](job, payload)
            job.state = STATE_DONE
            job.status_text = message
            job.progress = 100
            _report("INFO", "%s: %s" % (job.label, message))
        except Exception as error:  # the scene could not take the result: still the user's to know
            job.state = STATE_FAILED
            job.status_text = str(error)
            _report("ERROR", "%s: %s" % (job.label, error))
    elif kind == "error":
        job.state = STATE_FAILED
        job.status_text = payload
        job.confirmation = None
        _report("ERROR", payload)
    elif kind == "cancelled":
        job.state = STATE_CANCELLED
        job.status_text = payload
        job.confirmation = None
        _report("WARNING", "%s: %s" % (job.label, payload))


def _report(level, text):
    if HANDLERS["report"]:
        HANDLERS["report"](level, text)


def _post(job, kind, payload=None):
    _events.put((job.id, kind, payload))


def _run(job, settings):
    """The background thread: uploads, then per step quote → confirm → create → poll, then the download."""
    try:
        client = PolyforgeClient(settings.base_url, settings.api_key, settings.timeout_seconds)
        state = {"uploads": {}, "tasks": {}}
        for key, path in job.plan.uploads:
            _post(job, "status", ("Uploading %s" % os.path.basename(path), 0))
            extension = os.path.splitext(path)[1].lstrip(".").lower() or "png"
            state["uploads"][key] = task_plans.file_reference("jpg" if extension == "jpeg" else extension, client.upload_file(path))
        task = None
        for step in job.plan.steps:
            body = step.build(state)
            task = _run_step(job, client, settings, step.label, body)
            state["tasks"][step.label] = task
        result = {"task": task, "tasks": state["tasks"], "path": None}
        if job.plan.outcome == task_plans.OUTCOME_IMPORT:
            result["path"] = _download_model(job, client, settings, task)
        _post(job, "done", result)
    except JobCancelled as cancelled:
        _post(job, "cancelled", str(cancelled) or "Cancelled")
    except (PolyforgeError, TaskFailed) as error:
        _post(job, "error", "%s: %s" % (job.label, error.describe() if isinstance(error, PolyforgeError) else error))
    except Exception as error:  # a bug must end the job visibly, not leave it spinning
        _post(job, "error", "%s: unexpected %s: %s" % (job.label, type(error).__name__, error))
    finally:
        if job.plan.scratch_dir:
            shutil.rmtree(job.plan.scratch_dir, ignore_errors=True)


def _run_step(job, client, settings, label, body):
    _post(job, "status", ("%s: pricing" % label, 0))
    quote = client.quote(body)
    if not quote["available"]:
        raise PolyforgeError("%s is not available on this deployment" % body["type"])
    credits = quote["credits"]
    if credits > 0 and settings.confirm_spending:
        balance = client.balance()
        _post(job, "confirm", {"step": label, "credits": credits, "balance": balance["balance"]})
        job._answer.wait()
        job._answer.clear()
        if job._cancelled.is_set() or not job._approved:
            raise JobCancelled("%s not started: nothing was charged" % label)
    if job._cancelled.is_set():
        raise JobCancelled("%s not started: nothing was charged" % label)
    task_id = client.create_task(body)
    _post(job, "task", task_id)
    _post(job, "status", ("%s: queued (%d credits)" % (label, credits), 0))
    task = _poll(job, client, settings, label, task_id)
    if task.get("status") != "success":
        raise TaskFailed(label, task)
    _post(job, "spent", int(task.get("consumed_credit") or 0))
    return task


def _poll(job, client, settings, label, task_id):
    while True:
        task = client.get_task(task_id)
        status = task.get("status")
        if status in FINISHED_STATUSES:
            return task
        if job._cancelled.is_set():
            client.cancel_task(task_id)
            raise JobCancelled("%s cancelled (task %s)" % (label, task_id))
        progress = int(task.get("progress") or 0)
        queue_position = task.get("queuing_num", -1)
        detail = "queued, position %s" % queue_position if status == "queued" and queue_position >= 0 else "%s %d%%" % (status, progress)
        _post(job, "status", ("%s: %s" % (label, detail), progress))
        job._cancelled.wait(settings.poll_interval_seconds)


def _download_model(job, client, settings, task):
    url = task_plans.model_output_url(task)
    if url is None:
        raise PolyforgeError("Task %s finished without a model to import" % task.get("task_id"))
    os.makedirs(settings.download_dir, exist_ok=True)
    path = os.path.join(settings.download_dir, task_plans.file_name_for(task, url))
    _post(job, "status", ("Downloading %s" % os.path.basename(path), 100))
    started = time.monotonic()
    client.download(url, path)
    _post(job, "status", ("Downloaded in %.1f s" % (time.monotonic() - started), 100))
    return path
