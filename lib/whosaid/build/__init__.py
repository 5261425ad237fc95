"""Building the store from article files, in parallel: `build` scans the sources, skips unchanged articles and
runs batches on an executor, worker processes here (`build.local`) or a Dask cluster (`build.cluster`, imported
only for `--cluster`); each batch is `build.work.run_batch`, which writes one part of the store."""
from whosaid.build.run import BATCH_SIZE, COMMIT_SECONDS, BuildError, Executor, Plan, Report, batches, build, run, scan
from whosaid.build.work import BatchResult, Job, run_batch

__all__ = ["BATCH_SIZE", "COMMIT_SECONDS", "BatchResult", "BuildError", "Executor", "Job", "Plan", "Report", "batches", "build",
           "run", "run_batch", "scan"]
