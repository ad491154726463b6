//! What the core's benchmarks share: a workspace on a real temporary file
//! with the app's settings, and percentiles of timings.

use std::time::Duration;

use tribu_core::Store;

/// The `p` percentile (0 to 1) of `samples`, in milliseconds.
pub fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    samples.sort();
    let idx = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[idx].as_secs_f64() * 1000.0
}

/// A new workspace in a temporary folder (kept alive by the returned guard)
/// and the ids of its first `networks` built-in networks.
pub fn bench_store(networks: usize) -> (tempfile::TempDir, Store, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("bench.tribu")).expect("store");
    let ids = store
        .networks()
        .expect("networks")
        .into_iter()
        .take(networks)
        .map(|n| n.id)
        .collect();
    (dir, store, ids)
}
