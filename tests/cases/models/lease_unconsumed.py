"""A model-declared linear `Lease` that is never given back: BUD004 at the line that acquired it."""
from leases import Lease, LeaseClient


def train(client: LeaseClient, epochs: int) -> None:
    lease: Lease = client.acquire("gpu-1")  # expect: BUD004
    for _ in range(epochs):
        lease.renew(60)
