"""Reading a form post with files so that nothing sent is dropped without a word.

Django's multipart parser is lenient: a body cut off before its final boundary (a dropped
connection, a proxy that gave up) still yields the fields read so far, and the file being
read when it ended is left out; a file part whose headers are not UTF-8, or whose name holds
nothing printable, is skipped. The form then sees "no file" and an application would be
stored without the attachment its applicant chose. The middleware here parses with a parser
that notes each of these, and the public forms (portal.forms.SubmissionFormMixin) turn the
notes into messages, so the visitor is told and nothing is stored half.
"""

from django.core.files.uploadhandler import FileUploadHandler
from django.http.multipartparser import MultiPartParser
from django.utils.datastructures import ImmutableList

# sanitize_file_name removes every character that is not printable, so no name it returns
# contains a NUL: this one marks a file whose name had nothing left.
UNREADABLE_NAME = "\x00unreadable"
# Django wants a part's headers within its first chunks; more than this is not a browser.
MAX_HEADERS = 64 * 1024


class Received:
    """What the parser noted about one post. ``problems`` lists (field name or None, code)."""

    def __init__(self):
        self.problems = []
        self.body = None

    @property
    def is_complete(self):
        return self.body is None or self.body.closed


class WatchedBody:
    """The request body as the parser reads it, watched for the final boundary and for part
    headers that cannot be read (the parser drops such a part, name and all)."""

    def __init__(self, stream, boundary):
        self.stream = stream
        self.delimiter = b"--" + boundary
        self.pending = b""
        self.closed = False
        self.unreadable_parts = 0

    def read(self, *args):
        data = self.stream.read(*args)
        self.scan(data)
        return data

    def scan(self, data):
        buffer = self.pending + data
        position = 0
        # A delimiter may be split over two reads: keep its possible start for the next one.
        keep = max(len(buffer) - len(self.delimiter) - 2, 0)
        while (found := buffer.find(self.delimiter, position)) != -1:
            after = found + len(self.delimiter)
            if len(buffer) < after + 2:
                keep = found
                break
            if buffer[after : after + 2] == b"--":
                self.closed = True
                position = after + 2
                continue
            end = buffer.find(b"\r\n\r\n", after)
            if end == -1:
                if data and len(buffer) - after < MAX_HEADERS:
                    keep = found  # the headers continue in the next read
                    break
                position = after
                continue
            try:
                buffer[after:end].decode()
            except UnicodeDecodeError:
                self.unreadable_parts += 1
            position = end + 4
            keep = max(keep, position)
        self.pending = buffer[max(keep, 0) :][-(MAX_HEADERS + len(self.delimiter) + 2) :]


class WatchingHandler(FileUploadHandler):
    """First of the upload handlers: passes every byte on and notes a file cut off."""

    def __init__(self, received, request=None):
        super().__init__(request)
        self.received = received
        self.current = None

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.current = field_name

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        self.current = None

    def upload_interrupted(self):
        if self.current:
            self.received.problems.append((self.current, "incomplete"))


class WatchingParser(MultiPartParser):
    def __init__(self, META, input_data, upload_handlers, encoding, received):
        super().__init__(META, input_data, upload_handlers, encoding)
        self.received = received
        received.body = self._input_data = WatchedBody(self._input_data, self._boundary)

    def sanitize_file_name(self, file_name):
        return super().sanitize_file_name(file_name) or UNREADABLE_NAME

    def parse(self):
        post, files = super().parse()
        for field_name in list(files):
            uploads = files.getlist(field_name)
            kept = [upload for upload in uploads if upload.name != UNREADABLE_NAME]
            for upload in uploads:
                if upload.name == UNREADABLE_NAME:
                    upload.close()
                    self.received.problems.append((field_name, "unreadable_name"))
            files.setlist(field_name, kept)
        if self.received.body.unreadable_parts:
            self.received.problems.append((None, "unreadable_part"))
        if not self.received.body.closed:
            self.received.problems.append((None, "incomplete"))
        return post, files


class MultipartMiddleware:
    """Puts ``request.received`` on every multipart post, read by WatchingParser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.received = None
        if request.method == "POST" and request.content_type == "multipart/form-data":
            request.received = watch(request)
        return self.get_response(request)


def watch(request):
    received = Received()

    def parse_file_upload(META, post_data):
        request.upload_handlers = ImmutableList(
            [WatchingHandler(received, request), *request.upload_handlers],
            warning="You cannot alter upload handlers after the upload has been processed.",
        )
        parser = WatchingParser(
            META, post_data, request.upload_handlers, request.encoding, received
        )
        return parser.parse()

    request.parse_file_upload = parse_file_upload
    return received
