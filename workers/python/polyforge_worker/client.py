"""The worker protocol's HTTP calls (/worker/v1), one method each, over urllib."""

import json
import urllib.error
import urllib.parse
import urllib.request


class WorkerApiError(Exception):
    """An error answer of the platform: HTTP status, the platform's error code and message."""

    def __init__(self, http_status, code, message):
        super().__init__(message)
        self.http_status = http_status
        self.code = code

    @property
    def lease_lost(self):
        """The lease is gone (expired, finished, given to another worker): stop working on the task."""
        return self.http_status == 409


class WorkerApiClient:
    def __init__(self, base_url, token, timeout_seconds=60):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout_seconds = timeout_seconds

    def register(self, name=None, capabilities=None, task_types=None, model_versions=None):
        body = {"version": "worker-sdk-python/0.1.0"}
        if name:
            body["name"] = name
        if capabilities:
            body["capabilities"] = list(capabilities)
        if task_types:
            body["task_types"] = list(task_types)
        if model_versions:
            body["model_versions"] = list(model_versions)
        return self._json("POST", "/worker/v1/register", body)

    def lease(self, worker_id, wait_seconds=20):
        data = self._json("POST", "/worker/v1/lease", {"worker_id": worker_id, "wait_seconds": wait_seconds}, timeout=wait_seconds + 30)
        return data["lease"]

    def heartbeat(self, lease_id, progress=None):
        body = {} if progress is None else {"progress": progress}
        return self._json("POST", "/worker/v1/leases/%s/heartbeat" % lease_id, body)

    def read_input(self, lease_id, name):
        return self._send("GET", "/worker/v1/leases/%s/inputs/%s" % (lease_id, urllib.parse.quote(name, safe="")))

    def upload_output(self, lease_id, output_key, data, extension, content_type="application/octet-stream"):
        path = "/worker/v1/leases/%s/outputs/%s?extension=%s" % (lease_id, urllib.parse.quote(output_key, safe=""), urllib.parse.quote(extension))
        self._send("PUT", path, data, content_type)

    def complete(self, lease_id, result=None):
        return self._json("POST", "/worker/v1/leases/%s/complete" % lease_id, {"result": result} if result else {})

    def fail(self, lease_id, retryable, message, error_code=None):
        body = {"retryable": bool(retryable), "message": (message or "the worker failed")[:1000]}
        if error_code is not None:
            body["error_code"] = error_code
        return self._json("POST", "/worker/v1/leases/%s/fail" % lease_id, body)

    def _json(self, method, path, body, timeout=None):
        answer = self._send(method, path, json.dumps(body).encode("utf-8"), "application/json", timeout)
        return json.loads(answer.decode("utf-8"))["data"]

    def _send(self, method, path, data=None, content_type=None, timeout=None):
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.token)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout_seconds) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            code, message = None, text[:300]
            try:
                parsed = json.loads(text)
                code, message = parsed.get("code"), parsed.get("message", message)
            except ValueError:
                pass
            raise WorkerApiError(error.code, code, "%s %s: HTTP %d (code %s): %s" % (method, path, error.code, code, message)) from None
