// Puts the public lookup's table and index in the OS page cache before a measured run, as on a
// server that has been answering for a while. This VM's memory balloon hands page cache back to
// the host between runs (the 9.4 GiB benchmark database was 60–80 % cached at times, whatever the
// free memory), and a lookup whose row comes from the virtio disk instead of memory costs the
// server ~30 µs more: without this, a run measured the disk as much as the server.
import SQLite from 'better-sqlite3';

export interface WarmResult {
  readonly ms: number;
  readonly rows: number;
}

/** Reads every page of `certificate_lookup` and of its primary-key index once, through SQLite. */
export function warmLookupPages(databaseFile: string): WarmResult {
  const started = performance.now();
  const db = new SQLite(databaseFile, { readonly: true });
  try {
    const table = db.prepare('SELECT count(*) AS rows, sum(length(CAST(view_json AS BLOB))) AS bytes FROM certificate_lookup NOT INDEXED').get() as { rows: number };
    // The covering scan of the primary-key index reads its pages.
    db.prepare('SELECT count(certificate_no) FROM certificate_lookup').get();
    return { ms: performance.now() - started, rows: table.rows };
  } finally {
    db.close();
  }
}
