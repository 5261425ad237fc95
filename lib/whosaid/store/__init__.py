"""The store: Parquet tables (articles, quotes, speakers, timexes, events) under a manifest; every write atomic."""
from whosaid.store.tables import (
    SCHEMA_VERSION,
    TABLES,
    StoreError,
    Tables,
    empty_tables,
    extraction_rows,
    known_hashes,
    load_tables,
    read_manifest,
    remove,
    store_version,
    table_files,
    upsert,
)

__all__ = ["SCHEMA_VERSION", "TABLES", "StoreError", "Tables", "empty_tables", "extraction_rows", "known_hashes",
           "load_tables", "read_manifest", "remove", "store_version", "table_files", "upsert"]
