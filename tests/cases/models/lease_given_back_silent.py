"""A model-declared linear `Lease` given back exactly once; `renew` only borrows it."""
from leases import Lease, LeaseClient


def train(client: LeaseClient) -> None:
    lease: Lease = client.acquire("gpu-1")
    lease.renew(60)
    lease.renew(60)
    lease.give_back()
