"""A class the configuration names affine is tracked where it is imported
from a module no model describes (``socket.socket``): its constructor makes
one, and an owning parameter takes it."""
from socket import socket


def serve(conn: socket) -> None:
    conn.close()


def run() -> None:
    conn = socket()
    serve(conn)
    serve(conn)  # expect: BUD001
