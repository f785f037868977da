"""A non-affine model class constructed and reused is not tracked; each lease is given back."""
from leases import LeaseClient


def train(names: list[str]) -> None:
    client = LeaseClient("eu-west")
    for n in names:
        lease = client.acquire(n)
        print(lease.name)
        lease.give_back()
