"""The same batches on a Dask distributed cluster (`pip install 'whosaid[cluster]'`); the only module that
imports Dask, and only when a build is given `--cluster`.

Each Dask worker process loads the spaCy pipeline once (`whosaid.nlp.load_nlp` is cached per process) on its
first batch, reads the article files and writes its part files into the store folder, so both must be on storage
that the client and every worker share, at the same path. The client commits the parts to the manifest.
`local` starts a `LocalCluster` on this machine: one single-threaded worker process per core.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Self

from distributed import Client, Future, LocalCluster, wait


class DaskExecutor:
    """Batches run on the Dask cluster at `address` ('local': a LocalCluster of `workers` processes)."""

    def __init__(self, address: str = "local", workers: int | None = None, *, client: Client | None = None):
        self.address, self._n, self._client, self._own = address, workers, client, client is None
        self._cluster: LocalCluster | None = None

    def __enter__(self) -> Self:
        if self._client is None:
            if self.address == "local":
                from whosaid.build.local import cores

                self._cluster = LocalCluster(n_workers=self._n or cores(), threads_per_worker=1, processes=True,
                                             dashboard_address=None)
                self._client = Client(self._cluster)
            else:
                self._client = Client(self.address)
        return self

    def __exit__(self, *exc) -> None:
        if self._own and self._client:
            self._client.close()
        if self._cluster:
            self._cluster.close()

    @property
    def workers(self) -> int:
        """Worker threads in the cluster now (each runs one batch at a time)."""
        assert self._client, "use the executor in a with statement"
        return max(1, sum(self._client.nthreads().values()))

    def submit(self, fn: Callable, *args) -> Future:
        """Run fn(*args) on a worker."""
        assert self._client, "use the executor in a with statement"
        return self._client.submit(fn, *args, pure=False)

    @staticmethod
    def wait_any(futures: Iterable[Future]) -> tuple[set[Future], set[Future]]:
        """(done, not done) once at least one of `futures` is done."""
        result = wait(list(futures), return_when="FIRST_COMPLETED")
        return set(result.done), set(result.not_done)
