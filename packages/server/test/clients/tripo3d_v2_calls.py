#!/usr/bin/env python3
"""Speaks the V2 requests of the official Python SDK (tripo3d 0.4.1) exactly as it sends them, for the tests.

Written from a reading of the SDK's source (client.py, client_impl/aiohttp_client_impl.py, models.py), which
is not installable here: an aiohttp session carrying the Bearer header, JSON bodies holding only the arguments
a caller passed, `{"type": "jpg", ...}` image objects, and uploads through STS when boto3 is importable:
POST /upload/sts/token, then boto3's upload_file to "https://" + s3_host (multipart above 8 MB), then
`{"object": {"bucket", "key"}}`. Task.from_dict's required keys and status enum are checked as the SDK does.

Environment: POLYFORGE_V2_BASE_URL (https://.../v2/openapi), TRIPO_API_KEY, FIXTURE_DIR (small.png, big.glb,
not-a-model.glb). SSL_CERT_FILE and AWS_CA_BUNDLE make aiohttp and boto3 trust the test's certificate,
with verification on, as in the SDK. Prints one JSON object; exits 1 on the first unexpected answer.
"""
import asyncio
import json
import os
import sys

import aiohttp
import boto3
from botocore.exceptions import ClientError
from boto3.exceptions import S3UploadFailedError

TASK_KEYS = ("task_id", "type", "status", "input", "output", "progress", "create_time")
TASK_STATUSES = ("queued", "running", "success", "failed", "banned", "expired", "cancelled", "unknown")
FINAL_STATUSES = ("success", "failed", "cancelled", "banned", "expired")
STS_FORMATS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp", ".glb": "glb", ".obj": "obj", ".fbx": "fbx", ".stl": "stl"}


class HttpError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body[:300]}")
        self.status = status
        self.body = body


def fail(message):
    print(json.dumps({"error": message}))
    sys.exit(1)


class SdkShapedClient:
    def __init__(self, base_url, api_key):
        self.base_url = base_url
        self.session = aiohttp.ClientSession(headers={"Authorization": f"Bearer {api_key}"}, connector=aiohttp.TCPConnector(ssl=None))

    async def close(self):
        await self.session.close()

    async def request(self, method, path, json_data=None):
        url = f"{self.base_url}/{path.lstrip('/')}"
        async with self.session.request(method=method, url=url, params=None, json=json_data, data=None, headers=None) as response:
            if response.status >= 400:
                raise HttpError(response.status, await response.text())
            return await response.json()

    async def upload_file(self, file_path):
        ext = os.path.splitext(file_path)[1].lower()
        response = await self.request("POST", "/upload/sts/token", json_data={"format": STS_FORMATS.get(ext, "jpeg")})
        data = response["data"]
        s3_client = boto3.client(
            "s3",
            endpoint_url="https://" + data["s3_host"],
            aws_access_key_id=data["sts_ak"],
            aws_secret_access_key=data["sts_sk"],
            aws_session_token=data["session_token"],
        )
        s3_client.upload_file(file_path, data["resource_bucket"], data["resource_uri"])
        return {"object": {"bucket": data["resource_bucket"], "key": data["resource_uri"]}}

    async def image_to_file_content(self, image):
        content = {"type": "jpg"}
        content.update(await self.upload_file(image))
        return content

    async def create_task(self, task_data):
        response = await self.request("POST", "/task", json_data=task_data)
        return response["data"]["task_id"]

    async def get_task(self, task_id):
        data = (await self.request("GET", f"/task/{task_id}"))["data"]
        missing = [key for key in TASK_KEYS if key not in data]
        if missing or data["status"] not in TASK_STATUSES or not isinstance(data["output"], dict):
            fail(f"Task.from_dict would fail on {json.dumps(data)[:400]}")
        return data

    async def wait_for_task(self, task_id, timeout=180):
        # the SDK sleeps at least 2 s between polls; the interval is the client's choice, not part of the wire
        waited = 0.0
        while True:
            task = await self.get_task(task_id)
            if task["status"] in FINAL_STATUSES:
                return task
            if waited > timeout:
                fail(f"task {task_id} still {task['status']} after {timeout} s")
            await asyncio.sleep(0.2)
            waited += 0.2

    async def download(self, url):
        # download_task_models reuses the API session, so the Bearer header goes along
        async with self.session.get(url) as response:
            if response.status >= 400:
                fail(f"download of {url} answered {response.status}")
            return await response.read()


async def main():
    fixtures = os.environ["FIXTURE_DIR"]
    client = SdkShapedClient(os.environ["POLYFORGE_V2_BASE_URL"], os.environ["TRIPO_API_KEY"])
    seen = {}
    try:
        balance = (await client.request("GET", "/user/balance"))["data"]
        seen["balance"] = {"balance": balance["balance"], "frozen": balance["frozen"]}

        # generate_image(prompt=..., file=<local png>): no model_version sent; the file goes up through STS
        image_task = await client.create_task({"type": "generate_image", "prompt": "a robot", "file": await client.image_to_file_content(os.path.join(fixtures, "small.png"))})
        image = await client.wait_for_task(image_task)
        picture = await client.download(image["output"]["generated_image"])
        seen["generate_image"] = {"status": image["status"], "input": image["input"], "png": picture[:4] == b"\x89PNG"}

        # import_model(<local glb over 8 MB>): boto3 uploads it in parts
        import_task = await client.create_task({"type": "import_model", "file": await client.upload_file(os.path.join(fixtures, "big.glb"))})
        imported = await client.wait_for_task(import_task)
        seen["import_model"] = {"status": imported["status"], "input": imported["input"]}

        # convert_model(id, "OBJ") sends only what was passed; then a combination the spec forbids
        convert_task = await client.create_task({"type": "convert_model", "original_model_task_id": import_task, "format": "OBJ"})
        converted = await client.wait_for_task(convert_task)
        archive = await client.download(converted["output"]["model"])
        seen["convert_model"] = {"status": converted["status"], "zip": archive[:2] == b"PK"}
        try:
            await client.create_task({"type": "convert_model", "original_model_task_id": import_task, "format": "FBX", "export_vertex_colors": True})
            fail("convert to FBX with export_vertex_colors was accepted")
        except HttpError as error:
            seen["convert_vertex_colours"] = {"status": error.status, "code": json.loads(error.body)["code"]}

        # bytes that are no model: boto3 reports the endpoint's S3 error
        try:
            await client.upload_file(os.path.join(fixtures, "not-a-model.glb"))
            fail("an upload of bytes that are no model was accepted")
        except (S3UploadFailedError, ClientError) as error:
            seen["bad_upload"] = str(error)

        seen["balance_after"] = (await client.request("GET", "/user/balance"))["data"]
    finally:
        await client.close()
    print(json.dumps(seen))


asyncio.run(main())
