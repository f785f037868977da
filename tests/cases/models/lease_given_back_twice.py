"""Giving a model-declared linear `Lease` back twice is BUD003."""
from leases import LeaseClient


def train(client: LeaseClient) -> None:
    lease = client.acquire("gpu-1")
    lease.give_back()
    lease.give_back()  # expect: BUD003
