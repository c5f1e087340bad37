"""A TCP proxy a test controls, between the application and PostgreSQL (or Redis).

Modes: ``pass`` forwards; ``refuse`` closes every connection at once (a server that is down);
``blackhole`` accepts connections and swallows what is sent, answering nothing (a network that
drops packets). Going back to ``pass`` cuts the connections held during the outage, as TCP
keepalive or ``tcp_user_timeout`` would on a real network.
"""
from __future__ import annotations

import select
import socket
import threading


class Proxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1", port: int = 0) -> None:
        self.target = (target_host, target_port)
        self.mode = "pass"
        self._lock = threading.Lock()
        self._held: set[socket.socket] = set()
        self._server = socket.create_server(("127.0.0.1", port), reuse_port=False)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="test-proxy", daemon=True)
        self._thread.start()

    # -- control ---------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        assert mode in ("pass", "refuse", "blackhole"), mode
        with self._lock:
            self.mode = mode
            held = list(self._held) if mode != "blackhole" else []
            if mode != "blackhole":
                self._held.clear()
        for sock in held:  # connections from before (or during) the outage are broken now
            _close(sock)

    def close(self) -> None:
        self._stop.set()
        _close(self._server)
        self.set_mode("refuse")

    # -- plumbing --------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            with self._lock:
                mode = self.mode
            if mode == "refuse":
                _close(client)
                continue
            threading.Thread(target=self._pump, args=(client, mode), daemon=True).start()

    def _pump(self, client: socket.socket, mode: str) -> None:
        upstream = None
        with self._lock:
            self._held.add(client)
        try:
            if mode == "pass":
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
                with self._lock:
                    self._held.add(upstream)
            socks = [client] + ([upstream] if upstream else [])
            while not self._stop.is_set():
                readable, _, _ = select.select(socks, [], [], 0.5)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    with self._lock:
                        dropping = self.mode != "pass" or upstream is None
                    if not dropping:
                        (upstream if sock is client else client).sendall(data)
        except (OSError, ValueError):  # a socket closed under us by set_mode / close
            return
        finally:
            with self._lock:
                self._held.discard(client)
                if upstream is not None:
                    self._held.discard(upstream)
            _close(client)
            if upstream is not None:
                _close(upstream)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass
