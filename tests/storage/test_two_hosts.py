"""Two hosts, one site: gunicorn A and B on 127.0.0.1, each with empty local folders of its
own, on one PostgreSQL database, one Redis (a key prefix of this test's) and one SeaweedFS.

An editor uploads an image and publishes a story on A; an anonymous visitor of B gets the
page with its renditions from the bucket, and A then finds them instead of rendering them
again. A citizen applies with a PDF through B; a reviewer signs in on A (password, then a
code from their authenticator app) and downloads it by a link the store signed for a
minute; the attachment's own address in the bucket is refused; erasing the application
through the citizen's own link removes the object. Nothing lands on either host's disk.

Needs PostgreSQL at 127.0.0.1:5432, Redis at 127.0.0.1:6379 and the weed binary; skips
without them. It is the one test over 20 seconds: it migrates a database and starts two
servers.
"""

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from ..calls.conftest import PDF
from ..seaweedfs import BUCKETS
from .test_buckets import fetch

psycopg = pytest.importorskip("psycopg")
redis = pytest.importorskip("redis")
requests = pytest.importorskip("requests")

SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/1"
GUNICORN = Path(sys.executable).parent / "gunicorn"
DEADLINE = 90


def services_answer():
    try:
        psycopg.connect(f"{SERVER}/postgres", connect_timeout=2).close()
        redis.Redis.from_url(REDIS, socket_timeout=2).ping()
    except Exception:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not services_answer(),
    reason="needs PostgreSQL at 127.0.0.1:5432 (user postgres) and Redis at 127.0.0.1:6379",
)


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Hosts:
    """The environment both hosts share, and what runs in it."""

    def __init__(self, folder, seaweedfs, database):
        self.folder = folder
        self.database = database
        self.prefix = f"test-s3hosts-{uuid.uuid4().hex[:8]}"
        public, private = BUCKETS[1]
        self.public, self.private = public, private
        self.base = {
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "tests.s3host_settings",
            "SECRET_KEY": "two-hosts-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"{SERVER}/{database}",
            "REDIS_URL": REDIS,
            "CACHE_KEY_PREFIX": self.prefix,
            "NUM_PROXIES": "0",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            **seaweedfs.environment(public, private, S3_PRIVATE_DOWNLOAD="redirect"),
        }
        self.processes = []

    def environment(self, name):
        root = self.folder / name
        return {
            **self.base,
            "MEDIA_ROOT": str(root / "media"),
            "PRIVATE_MEDIA_ROOT": str(root / "private"),
            "STATIC_ROOT": str(root / "static"),
        }

    def run(self, *args):
        result = subprocess.run(
            [sys.executable, *args],
            cwd=settings.BASE_DIR,
            env=self.environment("tools"),
            capture_output=True,
            text=True,
            timeout=DEADLINE,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def step(self, *args):
        return json.loads(self.run("-m", "tests.storage.hosts_setup", *map(str, args)))

    def start(self, name):
        port = free_port()
        log = self.folder / f"{name}.log"
        process = subprocess.Popen(
            [
                str(GUNICORN),
                "portal.wsgi",
                "--config",
                str(settings.BASE_DIR / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--no-control-socket",
            ],
            cwd=settings.BASE_DIR,
            env=self.environment(name),
            stdout=subprocess.DEVNULL,
            stderr=log.open("w"),
            start_new_session=True,
        )
        self.processes.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + DEADLINE
        while True:
            try:
                if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                    return url
            except requests.RequestException:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gunicorn {name} did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in self.processes:
            try:
                process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        client = redis.Redis.from_url(REDIS)
        for key in client.scan_iter(f"{self.prefix}:*"):
            client.delete(key)

    def query(self, sql, *parameters):
        with psycopg.connect(f"{SERVER}/{self.database}") as connection:
            return connection.execute(sql, parameters).fetchall()

    def local_files(self):
        """Whatever either host wrote into its own folders."""
        return [path for name in "ab" for path in (self.folder / name).rglob("*") if path.is_file()]


@pytest.fixture
def hosts(tmp_path, seaweedfs):
    database = f"test_s3hosts_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    hosts = Hosts(tmp_path, seaweedfs, database)
    try:
        hosts.run("manage.py", "migrate", "--noinput")
        yield hosts
    finally:
        hosts.stop()
        for bucket in (hosts.public, hosts.private):
            seaweedfs.empty(bucket)
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def form_token(session):
    """The CSRF token a form carries is the cookie's, which Django accepts as well."""
    return session.cookies["csrftoken"]


def sign_in(url, username, password, key):
    """The real sign-in: the password, then the code the authenticator app shows."""
    session = password_step(url, username, password)
    step = session.get(f"{url}/admin/", timeout=10)
    assert "two-factor/verify" in step.url, step.url
    verified = session.post(
        step.url,
        data={"csrfmiddlewaretoken": form_token(session), "app-code": totp(key)},
        allow_redirects=False,
        timeout=10,
    )
    assert verified.status_code == 302, verified.text[:2000]
    return session


def password_step(url, username, password):
    session = requests.Session()
    assert session.get(f"{url}/admin/login/", timeout=10).status_code == 200
    response = session.post(
        f"{url}/admin/login/",
        data={
            "csrfmiddlewaretoken": form_token(session),
            "username": username,
            "password": password,
        },
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:2000]
    return session


def picture():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (230, 160, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def totp(key):
    from django_otp.oath import totp as code

    return f"{code(bytes.fromhex(key), step=30, t0=0, digits=6):06d}"


def application_form(call_html):
    """The fields the call's form asks, filled in as the citizen does (tests/calls)."""
    fields = {}
    questions = list(dict.fromkeys(re.findall(r'name="(q_[0-9a-f-]+)"', call_html)))
    values = {
        "name": "Fatima el Amrani",
        "email": "fatima@example.org",
        "phone": "06 12345678",
        "role": "bewoner",
        "organisation": "",
        "municipality": "Haarlem",
        "neighbourhood": "Schalkwijk",
        "province": "noord-holland",
        "title": "Wijkbedrijf Schalkwijk",
        "question": "Hoe houden we het groen in de wijk bij?",
        "summary": "Bewoners onderhouden samen het groen en verdienen er iets mee.",
        "themes": "energie",
        "partners": "Gemeente Haarlem",
        "budget": "12.500",
        "consent": "on",
        "form_token": "two-hosts-1",
        "website": "",
    }
    answers = ["Schalkwijk", "Omdat het kan.", "40", None, None, "yes", "2027-03-01", None]
    for name, answer in zip(questions, answers, strict=False):
        if answer is None:
            choices = re.findall(rf'name="{name}"[^>]*value="([^"]+)"', call_html)
            if choices:
                answer = choices[0]
        if answer is not None:
            fields[name] = answer
    files = {questions[7]: ("plan.pdf", PDF, "application/pdf")}
    return {**values, **fields}, files


def test_two_hosts_share_media_and_private_files_through_the_buckets(hosts, seaweedfs):
    site = hosts.step("site")
    host_a, host_b = hosts.start("a"), hosts.start("b")

    # The editor uploads an image on A and publishes the story with it.
    editor = sign_in(host_a, "redacteur", site["password"], site["editor_totp_key"])
    assert editor.get(f"{host_a}/admin/images/add/", timeout=10).status_code == 200
    root_collection = hosts.query("SELECT id FROM wagtailcore_collection WHERE depth=1")[0][0]
    uploaded = editor.post(
        f"{host_a}/admin/images/add/",
        data={
            "csrfmiddlewaretoken": form_token(editor),
            "title": "Zonnepanelen",
            "collection": root_collection,
        },
        files={"file": ("zonnepanelen.png", picture(), "image/png")},
        allow_redirects=False,
        timeout=20,
    )
    assert uploaded.status_code == 302, uploaded.text[:3000]
    ((image_pk, original),) = hosts.query("SELECT id, file FROM wagtailimages_image")
    assert original in seaweedfs.keys(hosts.public)
    hosts.step("choose_image", site["story"], image_pk)
    publish = f"{host_a}/admin/bulk/wagtailcore/page/publish/?id={site['story']}"
    confirm = editor.get(publish, timeout=10)
    assert confirm.status_code == 200 and "Zon op het dak" in confirm.text, confirm.text[-3000:]
    published = editor.post(
        publish,
        data={"csrfmiddlewaretoken": form_token(editor)},
        allow_redirects=False,
        timeout=20,
    )
    assert published.status_code == 302, published.text[:3000]

    # An anonymous visitor of B sees the story with its renditions, from the bucket.
    story = requests.get(f"{host_b}/nl{site['story_url']}", timeout=20)
    assert story.status_code == 200, (
        site,
        hosts.query("SELECT url_path, live, locale_id FROM wagtailcore_page ORDER BY path"),
    )
    media_url = f"{seaweedfs.endpoint}/{hosts.public}/"
    sources = set(re.findall(rf"{re.escape(media_url)}(images/[^\s\"',]+)", story.text))
    assert sources, story.text[:3000]
    for key in sources:
        status, body, headers = fetch(media_url + key)
        assert status == 200 and headers["Content-Type"].startswith("image/")
    renditions = hosts.query("SELECT file FROM wagtailimages_rendition ORDER BY file")
    made = set(seaweedfs.keys(hosts.public, "images/"))
    assert made == {file for (file,) in renditions} >= sources

    # A renders the same page without making any rendition again.
    again = requests.get(f"{host_a}/nl{site['story_url']}", timeout=20)
    assert again.status_code == 200
    assert set(re.findall(rf"{re.escape(media_url)}(images/[^\s\"',]+)", again.text)) == sources
    assert hosts.query("SELECT file FROM wagtailimages_rendition ORDER BY file") == renditions
    assert set(seaweedfs.keys(hosts.public, "images/")) == made

    # A citizen applies with a PDF through B.
    call = requests.get(f"{host_b}/nl{site['call_url']}", timeout=20)
    assert call.status_code == 200
    data, files = application_form(call.text)
    sent = requests.post(
        f"{host_b}/nl{site['call_url']}", data=data, files=files, allow_redirects=False, timeout=30
    )
    assert sent.status_code == 303, sent.text[:3000]
    thanks = requests.get(urllib.parse.urljoin(host_b, sent.headers["Location"]), timeout=20)
    own_link = re.search(r'href="[^"]*(/nl/jouw-gegevens/[^"/]+/)"', thanks.text).group(1)
    ((application_pk, file_pk, name),) = hosts.query(
        "SELECT application_id, id, file FROM calls_applicationfile"
    )
    assert name in seaweedfs.keys(hosts.private)

    # A reviewer signs in on A in two steps and downloads it by a link signed for a minute.
    reviewer = sign_in(host_a, "beoordelaar", site["password"], site["totp_key"])
    attachment = f"{host_a}{reverse('applications:attachment', args=[application_pk, file_pk])}"
    download = reviewer.get(attachment, allow_redirects=False, timeout=10)
    assert download.status_code == 302
    signed = download.headers["Location"]
    assert signed.startswith(f"{seaweedfs.endpoint}/{hosts.private}/")
    assert "X-Amz-Expires=60" in signed
    status, body, headers = fetch(signed)
    assert status == 200 and body == PDF
    assert headers["Content-Disposition"].startswith("attachment")

    # The object's own address answers nobody without a signature.
    assert fetch(f"{seaweedfs.endpoint}/{hosts.private}/{urllib.parse.quote(name)}")[0] == 403

    # Erasing the application through the citizen's own link removes the object.
    erased = requests.post(
        f"{host_b}{own_link}",
        data={"action": "erase", "confirmed": "yes"},
        allow_redirects=False,
        timeout=20,
    )
    assert erased.status_code == 303, erased.text[:2000]
    assert name not in seaweedfs.keys(hosts.private)
    assert hosts.query("SELECT count(*) FROM calls_applicationfile") == [(0,)]
    report = hosts.run("manage.py", "storage_orphans", "--older-than", "0")
    assert report.strip().endswith("Orphaned files: 0"), report

    # Neither host kept a file of its own.
    assert hosts.local_files() == []
