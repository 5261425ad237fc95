"""The store: five Parquet tables (articles, quotes, speakers, timexes, events) kept as an append-only dataset of
part files under a manifest; every commit atomic, readers always see one whole version.

For callers that load tables: `load_tables`, `store_version`, `known_hashes`, `upsert`, `remove`.
For builds: `write_part` (in any process) then `commit` (in one). For query engines: `snapshot` (one version's
part files and which of their rows are live), `table_files`, `live_docs`. Upkeep: `compact`, `collect_garbage`.
"""
from whosaid.store.dataset import (
    GRACE_SECONDS,
    Compaction,
    Part,
    Snapshot,
    collect_garbage,
    commit,
    compact,
    known_hashes,
    live_docs,
    load_tables,
    part_id,
    read_manifest,
    remove,
    snapshot,
    store_version,
    table_files,
    upsert,
    write_part,
)
from whosaid.store.tables import SCHEMA_VERSION, SCHEMAS, TABLES, StoreError, Tables, empty_tables, extraction_rows

__all__ = ["GRACE_SECONDS", "SCHEMAS", "SCHEMA_VERSION", "TABLES", "Compaction", "Part", "Snapshot", "StoreError",
           "Tables", "collect_garbage", "commit", "compact", "empty_tables", "extraction_rows", "known_hashes",
           "live_docs", "load_tables", "part_id", "read_manifest", "remove", "snapshot", "store_version",
           "table_files", "upsert", "write_part"]
