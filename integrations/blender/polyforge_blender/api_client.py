# HTTP client for the Polyforge (Tripo V2-compatible) API on the standard library alone: balance, quote, tasks,
# uploads and downloads. No bpy here: it runs in background threads and in plain Python.
import json
import mimetypes
import os
import urllib.error
import urllib.parse
import urllib.request
import uuid

API_PREFIX = "/v2/openapi"
USER_AGENT = "polyforge-blender"


class PolyforgeError(Exception):
    """An error answer of the platform (its code, message and suggestion) or a failure to reach it."""

    def __init__(self, message, code=None, suggestion="", http_status=None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.suggestion = suggestion
        self.http_status = http_status

    def describe(self):
        """One line for Blender's report area: the platform's code, message and suggestion."""
        prefix = "Polyforge error %s: " % self.code if self.code not in (None, -1) else "Polyforge: "
        text = prefix + self.message.rstrip(".") + "."
        return text + (" " + self.suggestion if self.suggestion else "")


class PolyforgeClient:
    def __init__(self, base_url, api_key, timeout_seconds=60.0):
        root = (base_url or "").strip().rstrip("/")
        if root.endswith(API_PREFIX):
            root = root[: -len(API_PREFIX)]
        if not root.startswith(("http://", "https://")):
            raise PolyforgeError("The deployment URL must start with http:// or https:// (add-on preferences)")
        if not api_key:
            raise PolyforgeError("No API key: set it in the Polyforge add-on preferences")
        self.base_url = root
        self.api_key = api_key.strip()
        self.timeout_seconds = timeout_seconds

    def balance(self):
        data = self._request("GET", "/user/balance")
        return {"balance": data.get("balance", 0), "frozen": data.get("frozen", 0)}

    def quote(self, body):
        """The price in credits, and whether this deployment can run the task at all."""
        data = self._request("POST", "/task/quote", body)
        return {"credits": int(data.get("credits", 0)), "available": bool(data.get("available", True))}

    def create_task(self, body):
        return self._request("POST", "/task", body)["task_id"]

    def get_task(self, task_id):
        return self._request("GET", "/task/" + urllib.parse.quote(task_id, safe=""))

    def cancel_task(self, task_id):
        return self._request("POST", "/task/%s/cancel" % urllib.parse.quote(task_id, safe=""))

    def upload_file(self, path):
        """Uploads a local file (multipart, one part named `file`); returns its token."""
        with open(path, "rb") as handle:
            content = handle.read()
        boundary = "polyforge-" + uuid.uuid4().hex
        name = os.path.basename(path).replace('"', "_")
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        head = (
            "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n"
            % (boundary, name, content_type)
        ).encode("utf-8")
        payload = head + content + ("\r\n--%s--\r\n" % boundary).encode("ascii")
        data = self._request("POST", "/upload", payload, content_type="multipart/form-data; boundary=" + boundary)
        return data["image_token"]

    def download(self, url, path):
        """Saves a (signed) output URL to `path`; the API key is sent only to the API's own origin."""
        headers = {"User-Agent": USER_AGENT}
        if _origin(url) == _origin(self.base_url):
            headers["Authorization"] = "Bearer " + self.api_key
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response, open(path, "wb") as out:
                while True:
                    chunk = response.read(1 << 20)
                    if not chunk:
                        break
                    out.write(chunk)
        except urllib.error.HTTPError as error:
            raise _error_from_http(error) from None
        except (urllib.error.URLError, OSError) as error:
            raise PolyforgeError("Download failed: %s" % _reason(error)) from None
        return path

    def _request(self, method, path, body=None, content_type=None):
        url = self.base_url + API_PREFIX + path
        headers = {"Authorization": "Bearer " + self.api_key, "Accept": "application/json", "User-Agent": USER_AGENT}
        data = None
        if isinstance(body, bytes):
            data = body
            headers["Content-Type"] = content_type
        elif body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response:
                envelope = _parse(response.read())
        except urllib.error.HTTPError as error:
            raise _error_from_http(error) from None
        except (urllib.error.URLError, OSError) as error:
            raise PolyforgeError("Cannot reach %s: %s" % (self.base_url, _reason(error))) from None
        if not isinstance(envelope, dict) or envelope.get("code") != 0:
            raise _error_from_envelope(envelope, 200)
        data = envelope.get("data")
        return data if isinstance(data, dict) else {}


def _error_from_http(error):
    try:
        envelope = _parse(error.read())
    except OSError:
        envelope = None
    return _error_from_envelope(envelope, error.code)


def _error_from_envelope(envelope, http_status):
    if isinstance(envelope, dict) and isinstance(envelope.get("code"), int) and envelope["code"] != 0:
        return PolyforgeError(
            str(envelope.get("message") or "HTTP %s" % http_status),
            code=envelope["code"],
            suggestion=str(envelope.get("suggestion") or ""),
            http_status=http_status,
        )
    return PolyforgeError(
        "HTTP %s without a Polyforge answer: check the deployment URL in the add-on preferences" % http_status,
        code=-1,
        http_status=http_status,
    )


def _parse(raw):
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def _origin(url):
    parts = urllib.parse.urlsplit(url)
    return (parts.scheme, parts.netloc)


def _reason(error):
    return str(getattr(error, "reason", None) or error)
