from multiprocessing.context import Process as Process
from multiprocessing.pool import Pool as Pool
