from trio._core._run import Nursery as Nursery, open_nursery as open_nursery
