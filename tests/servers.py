"""Real local servers for tests: an HTTP feed server and an SMTP sink.

Both listen on 127.0.0.1 only, run in background threads and shut down
cleanly (no leaked sockets or threads), so they work under ``-W error``.

    with FeedServer() as feeds, SmtpServer() as smtp:
        feeds.route("/rss", rss(items), etag='"v1"')
        ...  # point the code under test at feeds.url("/rss") and smtp.port
        assert feeds.last_request("/rss").headers["User-Agent"].startswith("monitor/")
        [mail] = smtp.wait_for(1)
"""

from __future__ import annotations

import asyncio
import contextlib
import email.policy
import email.utils
import errno
import socket
import sys
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

HOST = "127.0.0.1"

__all__ = [
    "HOST",
    "FeedServer",
    "Received",
    "Request",
    "Route",
    "SmtpServer",
    "free_port",
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (the OS picked it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


# --------------------------------------------------------------------------- HTTP


@dataclass(frozen=True)
class Route:
    """What the feed server answers for one path (see FeedServer.route)."""

    body: bytes
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    gzip: bool = False
    redirect_to: str | None = None
    chunks: tuple[bytes, ...] | None = None
    chunk_delay: float = 0.0


@dataclass(frozen=True)
class Request:
    """One request the feed server received.

    headers is an email.message.Message: lookups are case-insensitive
    (``req.headers["user-agent"]``) and missing names give None.
    path excludes the query string, which is in query. client_port tells
    connections apart (keep-alive reuse shows as the same port).
    """

    method: str
    path: str
    query: str
    headers: Message
    body: bytes
    time: float
    client_port: int

    @property
    def target(self) -> str:
        """The request target as sent: path plus "?query" when there is one."""
        return f"{self.path}?{self.query}" if self.query else self.path


def _charset(content_type: str) -> str:
    """The charset parameter of a Content-Type value, utf-8 when absent."""
    msg = Message()
    msg["Content-Type"] = content_type
    return msg.get_content_charset() or "utf-8"


def _etag_matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison of an If-None-Match list against our ETag."""
    if if_none_match.strip() == "*":
        return True

    def opaque(tag: str) -> str:
        tag = tag.strip()
        return tag[2:] if tag.startswith("W/") else tag

    return any(opaque(t) == opaque(etag) for t in if_none_match.split(","))


def _not_modified_since(if_modified_since: str, last_modified: str) -> bool:
    """True when the resource has not changed since the client's date."""
    if if_modified_since.strip() == last_modified.strip():
        return True
    try:
        since = email.utils.parsedate_to_datetime(if_modified_since)
        modified = email.utils.parsedate_to_datetime(last_modified)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None or modified.tzinfo is None:
        return False
    return modified <= since


class _Handler(BaseHTTPRequestHandler):
    """Serves FeedServer routes; one instance per connection."""

    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "FeedServer/1.0"
    sys_version = ""
    # Idle keep-alive connections give up after this long (close() does not wait for it).
    timeout = 30

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def do_POST(self) -> None:
        self._serve(send_body=True)

    def do_PUT(self) -> None:
        self._serve(send_body=True)

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None or not length.strip().isdigit():
            return b""
        return self.rfile.read(int(length))

    def _serve(self, *, send_body: bool) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        request = Request(
            method=self.command,
            path=parts.path,
            query=parts.query,
            headers=self.headers,
            body=self._read_body(),
            time=time.monotonic(),
            client_port=self.client_address[1],
        )
        owner._record(request)
        route = owner._lookup(request.target, request.path)
        if route is None:
            self._send_simple(404, b"not found\n", send_body=send_body)
            return
        if route.delay > 0 and owner._closing.wait(route.delay):
            # The server is shutting down: drop the connection without an answer.
            self.close_connection = True
            return
        if route.redirect_to is not None:
            status = route.status if 300 <= route.status < 400 else 302
            self.send_response(status)
            self.send_header("Location", route.redirect_to)
            self._send_extra_headers(route)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self._not_modified(route):
            self.send_response(304)
            self._send_validators(route)
            self._send_extra_headers(route)
            self.end_headers()
            return
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        self._send_validators(route)
        if route.gzip:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self._send_extra_headers(route)
        if route.chunks is not None:
            self._send_chunked(route, send_body=send_body)
            return
        body = zlib.compress(route.body, wbits=31) if route.gzip else route.body
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _not_modified(self, route: Route) -> bool:
        if self.command not in ("GET", "HEAD") or route.status != 200:
            return False
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            # RFC 9110: If-None-Match wins; If-Modified-Since is then ignored.
            return route.etag is not None and _etag_matches(inm, route.etag)
        ims = self.headers.get("If-Modified-Since")
        return (
            ims is not None
            and route.last_modified is not None
            and _not_modified_since(ims, route.last_modified)
        )

    def _send_validators(self, route: Route) -> None:
        if route.etag is not None:
            self.send_header("ETag", route.etag)
        if route.last_modified is not None:
            self.send_header("Last-Modified", route.last_modified)

    def _send_extra_headers(self, route: Route) -> None:
        for name, value in route.headers.items():
            self.send_header(name, value)

    def _send_chunked(self, route: Route, *, send_body: bool) -> None:
        """Send route.chunks as HTTP chunks, pausing chunk_delay between them."""
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if not send_body:
            return
        assert route.chunks is not None
        compressor = zlib.compressobj(wbits=31) if route.gzip else None
        for i, chunk in enumerate(route.chunks):
            if i and route.chunk_delay > 0 and self.server.owner._closing.wait(route.chunk_delay):
                self.close_connection = True
                return
            data = chunk
            if compressor is not None:
                data = compressor.compress(chunk) + compressor.flush(zlib.Z_SYNC_FLUSH)
            if data:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        tail = compressor.flush() if compressor is not None else b""
        if tail:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(tail), tail))
        self.wfile.write(b"0\r\n\r\n")

    def _send_simple(self, status: int, body: bytes, *, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class _HTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that tracks its connections so close() can end them."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, owner: FeedServer) -> None:
        self.owner = owner
        self._conn_lock = threading.Lock()
        self._conns: dict[threading.Thread, socket.socket] = {}
        super().__init__((HOST, 0), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve each connection in a daemon thread we can find again at close()."""
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name=f"FeedServer-conn-{client_address[1]}",
            daemon=True,
        )
        with self._conn_lock:
            self._conns[thread] = request
        thread.start()

    def _serve_connection(self, request: socket.socket, client_address: Any) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self._conn_lock:
                self._conns.pop(threading.current_thread(), None)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore clients that hang up (timeouts); keep anything else for the test."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)) or self.owner._closing.is_set():
            return
        if exc is not None:
            self.owner.errors.append(exc)
        super().handle_error(request, client_address)

    def abort_connections(self, timeout: float) -> None:
        """Hang up on every open connection and wait for their threads."""
        with self._conn_lock:
            conns = list(self._conns.items())
        for _, sock in conns:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        deadline = time.monotonic() + timeout
        for thread, _ in conns:
            thread.join(max(0.0, deadline - time.monotonic()))


class FeedServer:
    """A real HTTP/1.1 server on 127.0.0.1 with a route table you change while it runs.

    Unknown paths answer 404. Every request is recorded (see requests / hits).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._routes: dict[str, Route] = {}
        self._requests: list[Request] = []
        self._closing = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.errors: list[BaseException] = []

    # -- lifecycle

    def start(self) -> Self:
        """Bind a free port and serve in a background thread."""
        if self._httpd is not None:
            raise RuntimeError("FeedServer already started")
        self._closing.clear()
        self._httpd = _HTTPServer(self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"FeedServer-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and hang up on open connections, within about a second."""
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            return
        self._closing.set()  # wakes handlers sleeping in delay / chunk_delay
        httpd.shutdown()
        if thread is not None:
            thread.join(1.0)
        httpd.server_close()
        httpd.abort_connections(timeout=1.0)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> Self:
        if self._httpd is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- addresses

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("FeedServer not started")
        port: int = self._httpd.server_address[1]
        return port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash)."""
        return f"http://{HOST}:{self.port}"

    def url(self, path: str = "/") -> str:
        """Absolute URL of path on this server."""
        if not path.startswith("/"):
            path = "/" + path
        return self.base_url + path

    # -- routes

    def route(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str = "application/rss+xml; charset=utf-8",
        headers: Mapping[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        delay: float = 0,
        gzip: bool = False,
        redirect_to: str | None = None,
        chunks: list[bytes] | None = None,
        chunk_delay: float = 0,
    ) -> str:
        """Set (or replace) what path answers; returns its absolute URL.

        path may include a query string to match only that exact target;
        otherwise the query is ignored. str bodies are encoded with the charset
        of content_type. etag / last_modified are sent and honoured (304 with no
        body to a matching If-None-Match / If-Modified-Since). gzip compresses
        the body (Content-Encoding: gzip). delay sleeps before answering.
        redirect_to answers status (302 unless a 3xx is given) with Location.
        chunks sends the body as these Transfer-Encoding: chunked pieces, with
        chunk_delay seconds between them (body is then ignored).
        """
        if not path.startswith("/"):
            path = "/" + path
        data = body.encode(_charset(content_type)) if isinstance(body, str) else bytes(body)
        route = Route(
            body=data,
            status=status,
            content_type=content_type,
            headers=dict(headers or {}),
            etag=etag,
            last_modified=last_modified,
            delay=delay,
            gzip=gzip,
            redirect_to=redirect_to,
            chunks=tuple(chunks) if chunks is not None else None,
            chunk_delay=chunk_delay,
        )
        with self._lock:
            self._routes[path] = route
        return self.url(path) if self._httpd is not None else path

    def unroute(self, path: str) -> None:
        """Forget a route: the path answers 404 again."""
        with self._lock:
            self._routes.pop(path if path.startswith("/") else "/" + path, None)

    def _lookup(self, target: str, path: str) -> Route | None:
        with self._lock:
            return self._routes.get(target) or self._routes.get(path)

    # -- recorded requests

    def _record(self, request: Request) -> None:
        with self._lock:
            self._requests.append(request)

    @property
    def requests(self) -> list[Request]:
        """A snapshot of every request received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def requests_for(self, path: str) -> list[Request]:
        """Requests whose path (query string ignored) is path."""
        return [r for r in self.requests if r.path == path]

    def last_request(self, path: str) -> Request:
        """The most recent request for path; AssertionError when there is none."""
        found = self.requests_for(path)
        assert found, f"no request for {path!r}; got {[r.target for r in self.requests]}"
        return found[-1]

    def hits(self, path: str) -> int:
        """How many requests arrived for path (query string ignored)."""
        return len(self.requests_for(path))

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()


# --------------------------------------------------------------------------- SMTP


@dataclass(frozen=True)
class Received:
    """One message the SMTP server accepted.

    ``received["Subject"]`` reads headers of the parsed message;
    login is the AUTH user name (None when the client did not authenticate).
    """

    message: EmailMessage
    mail_from: str
    rcpt_tos: tuple[str, ...]
    login: str | None = None

    def __getitem__(self, name: str) -> Any:
        return self.message[name]

    @property
    def subject(self) -> str:
        return str(self.message["Subject"] or "")

    @property
    def text(self) -> str:
        """The plain-text body (else the HTML one), "" when neither exists."""
        part = self.message.get_body(preferencelist=("plain", "html"))
        return "" if part is None else str(part.get_content())


class _SmtpHandler:
    """aiosmtpd handler that hands every message to its SmtpServer."""

    def __init__(self, owner: SmtpServer) -> None:
        self.owner = owner

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        reply = self.owner.data_reply
        if not reply.startswith("2"):
            return reply
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        message = BytesParser(policy=email.policy.default).parsebytes(raw)
        assert isinstance(message, EmailMessage)
        login = getattr(session.auth_data, "login", None)
        if isinstance(login, bytes):
            login = login.decode("utf-8", "replace")
        self.owner._add(
            Received(
                message=message,
                mail_from=envelope.mail_from,
                rcpt_tos=tuple(envelope.rcpt_tos),
                login=login,
            )
        )
        if self.owner.reply_delay:
            # The message is kept; the client hears so only later (a slow server).
            await asyncio.sleep(self.owner.reply_delay)
        return reply


class _SocketController(Controller):
    """aiosmtpd Controller serving on a socket we bound ourselves (no port race)."""

    def __init__(self, sock: socket.socket, handler: Any, **kwargs: Any) -> None:
        self._sock = sock
        super().__init__(handler, hostname=HOST, port=sock.getsockname()[1], **kwargs)

    def _create_server(self) -> Any:
        return self.loop.create_server(self._factory_invoker, sock=self._sock)


def _accept_any_login(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> Any:
    """aiosmtpd authenticator that accepts every user and password."""
    return AuthResult(success=True, auth_data=auth_data)


class SmtpServer:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps every message.

    Plain SMTP, no TLS. With auth=True it also advertises AUTH PLAIN/LOGIN
    (without TLS) and accepts any credentials; without it, AUTH is not offered.
    stop() then start() serves again on the same port. Set data_reply to e.g.
    "451 4.3.0 Try again later" to refuse messages (they are then not kept).
    """

    def __init__(self, *, auth: bool = False, port: int | None = None) -> None:
        self.auth = auth
        self._port = port
        self._cond = threading.Condition()
        self._received: list[Received] = []
        self._controller: Any = None
        self.data_reply = "250 2.0.0 OK: queued"
        #: Seconds between taking a message and saying so (the message is kept at once).
        self.reply_delay = 0.0

    # -- lifecycle

    def start(self) -> Self:
        """Start serving (on the same port as before after a stop())."""
        if self._controller is not None:
            raise RuntimeError("SmtpServer already started")
        sock = self._bind()
        kwargs: dict[str, Any] = {}
        if self.auth:
            kwargs.update(auth_require_tls=False, authenticator=_accept_any_login)
        controller = _SocketController(
            sock,
            _SmtpHandler(self),
            server_hostname="smtp.test",  # skips a slow getfqdn()
            ready_timeout=5.0,
            **kwargs,
        )
        try:
            controller.start()
        except BaseException:
            with contextlib.suppress(Exception):
                controller.stop(no_assert=True)
            if not controller.loop.is_closed():
                controller.loop.close()
            sock.close()
            raise
        self._controller = controller
        return self

    def _bind(self) -> socket.socket:
        """A listening socket on our port (a fresh one the first time)."""
        deadline = time.monotonic() + 2.0
        while True:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((HOST, self._port or 0))
                sock.listen(16)
            except OSError as exc:
                sock.close()
                # After stop() the old port can be held for a moment: retry briefly.
                if exc.errno != errno.EADDRINUSE or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
                continue
            self._port = sock.getsockname()[1]
            return sock

    def stop(self) -> None:
        """Stop serving; connections are then refused until start()."""
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()
            if not controller.loop.is_closed():
                controller.loop.close()

    close = stop

    @property
    def running(self) -> bool:
        return self._controller is not None

    def __enter__(self) -> Self:
        if self._controller is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- address

    @property
    def host(self) -> str:
        return HOST

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("SmtpServer not started")
        return self._port

    def apprise_url(
        self,
        to: str = "alerts@example.org",
        from_addr: str = "monitor@example.org",
        *,
        user: str | None = None,
        password: str | None = None,
    ) -> str:
        """An apprise mailto:// URL that sends plain SMTP to this server."""
        cred = ""
        if user is not None:
            cred = user + (f":{password}" if password is not None else "") + "@"
        return f"mailto://{cred}{HOST}:{self.port}?to={to}&from={from_addr}&mode=insecure"

    # -- messages

    def _add(self, received: Received) -> None:
        with self._cond:
            self._received.append(received)
            self._cond.notify_all()

    @property
    def messages(self) -> list[Received]:
        """A snapshot of every message received so far, oldest first."""
        with self._cond:
            return list(self._received)

    def clear(self) -> None:
        with self._cond:
            self._received.clear()

    def wait_for(self, n: int = 1, timeout: float = 10) -> list[Received]:
        """Wait until at least n messages arrived; return them all.

        Raises AssertionError describing what did arrive on timeout.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(self._received) < n:
                left = deadline - time.monotonic()
                if left <= 0:
                    got = [(m.mail_from, m.rcpt_tos, m.subject) for m in self._received]
                    raise AssertionError(
                        f"expected {n} message(s) within {timeout}s, got {len(got)}: {got}"
                    )
                self._cond.wait(left)
            return list(self._received)

    def __iter__(self) -> Iterator[Received]:
        return iter(self.messages)


class DelayProxy:
    """A TCP proxy on 127.0.0.1 that holds back the server's answer to the requests that
    match (default: Matrix message sends) for ``delay`` seconds. The server has done the
    work; the client does not know it yet, as over a slow network. A client killed in
    that window must not lose or repeat what it sent."""

    def __init__(self, upstream_port: int, delay: float, match: bytes = b"/send/") -> None:
        self.upstream_port = upstream_port
        self.delay = delay
        self.match = match
        self.held = 0  # answers held back so far
        self._sock: socket.socket | None = None
        self._closing = threading.Event()

    @property
    def port(self) -> int:
        assert self._sock is not None
        return int(self._sock.getsockname()[1])

    def __enter__(self) -> Self:
        self._sock = socket.create_server((HOST, 0))
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()
        if self._sock is not None:
            self._sock.close()

    def _accept(self) -> None:
        assert self._sock is not None
        while not self._closing.is_set():
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection((HOST, self.upstream_port))
            except OSError:
                client.close()
                continue
            held = threading.Event()
            threading.Thread(
                target=self._pipe, args=(client, upstream, held, True), daemon=True
            ).start()
            threading.Thread(
                target=self._pipe, args=(upstream, client, held, False), daemon=True
            ).start()

    def _pipe(
        self, src: socket.socket, dst: socket.socket, held: threading.Event, request: bool
    ) -> None:
        try:
            while data := src.recv(65536):
                if request and data[:4] == b"PUT " and self.match in data.split(b"\r\n", 1)[0]:
                    held.set()
                elif not request and held.is_set():
                    held.clear()
                    self.held += 1
                    time.sleep(self.delay)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
