//! Writes a workspace of N posts for the UI benchmarks, through the store
//! as the app would: `cargo run --release -p tribu-core --example
//! seed_workspace -- <file.tribu> <posts>`. The posts spread over three
//! years centred on today (about 91 a day for 100,000), at varied hours,
//! on the built-in networks in turn; those before today are published, as
//! a brand's past is (no flood of late notices at the first opening).

use chrono::{Days, Local};
use tribu_core::model::{PostFormat, PostInput, PostStatus};
use tribu_core::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(count)) = (args.next(), args.next()) else {
        return Err("usage: seed_workspace <file.tribu> <posts>".into());
    };
    let count: usize = count.parse()?;
    let mut store = Store::open(std::path::Path::new(&path))?;
    let networks: Vec<String> = store.networks()?.into_iter().map(|n| n.id).collect();
    let start = Local::now()
        .date_naive()
        .checked_sub_days(Days::new(547))
        .ok_or("no such day")?;
    let today = Local::now().date_naive();
    let inputs: Vec<PostInput> = (0..count)
        .map(|i| (i, start.checked_add_days(Days::new((i % 1095) as u64))))
        .map(|(i, day)| PostInput {
            title: format!("Post {i}"),
            body: "Lorem ipsum dolor sit amet, consectetur adipiscing elit.".into(),
            network_id: networks[i % networks.len()].clone(),
            format: PostFormat::Photo,
            status: if day.is_some_and(|d| d < today) {
                PostStatus::Published
            } else {
                PostStatus::Draft
            },
            date: day.map(|d| d.to_string()),
            time: Some(format!("{:02}:{:02}", 7 + i % 14, (i * 7) % 60)),
            zone: Some("Europe/Paris".into()),
            theme: format!("theme {}", i % 12),
            campaign: String::new(),
            notes: String::new(),
            asset_links: vec![],
            reminder_minutes: None,
            rrule: None,
        })
        .collect();
    store.create_posts(&inputs)?;
    store.rename_brand("Grande marque")?;
    println!("{count} posts in {path}");
    Ok(())
}
