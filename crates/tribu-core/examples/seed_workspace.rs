//! Writes a workspace of N posts for the UI benchmarks, through the store
//! as the app would: `cargo run --release -p tribu-core --example
//! seed_workspace -- <file.tribu> <posts>`. The posts spread over three
//! years centred on today (about 91 a day for 100,000), at varied hours,
//! on the built-in networks in turn; those before today are published, as
//! a brand's past is (no flood of late notices at the first opening).

// The benchmarks' own workspace filler.
#[path = "../benches/common/mod.rs"]
mod common;

use chrono::{Days, Local};
use tribu_core::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(count)) = (args.next(), args.next()) else {
        return Err("usage: seed_workspace <file.tribu> <posts>".into());
    };
    let count: usize = count.parse()?;
    let mut store = Store::open(std::path::Path::new(&path))?;
    let networks: Vec<String> = store.networks()?.into_iter().map(|n| n.id).collect();
    let today = Local::now().date_naive();
    let start = today
        .checked_sub_days(Days::new(547))
        .ok_or("no such day")?;
    common::seed_posts_from(&mut store, &networks, count, start, Some(today));
    store.rename_brand("Grande marque")?;
    println!("{count} posts in {path}");
    Ok(())
}
