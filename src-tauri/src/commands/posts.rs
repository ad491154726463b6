//! Posts: the calendar's range, the backlog of ideas, the editor's saves,
//! moves by dragging.

use tribu_core::model::{Post, PostFilter, PostInput, PostSummary};
use tribu_core::time::{parse_date, parse_instant, parse_time, parse_zone};

use super::commands;

commands! {
    /// Posts planned in [start, end); both are RFC 3339 instants. Summaries
    /// only: the editor loads the whole post with postGet when it opens.
    /// Recurring posts are not among them (postsRecurringRange).
    fn posts_list_range(cx, start: String, end: String, filter: PostFilter) -> Vec<PostSummary> {
        cx.with(|store| {
            store.posts_in_range(
                parse_instant("start", &start)?,
                parse_instant("end", &end)?,
                &filter,
            )
        })
    }

    /// Posts with no date (ideas).
    fn posts_backlog(cx, filter: PostFilter) -> Vec<PostSummary> {
        cx.with(|store| store.backlog(&filter))
    }

    fn posts_themes(cx) -> Vec<String> {
        cx.with(|store| store.themes())
    }

    fn post_get(cx, id: String) -> Post {
        cx.with(|store| store.post(&id))
    }

    fn post_create(cx, input: PostInput) -> Post {
        cx.with(|store| store.create_post(&input))
    }

    fn post_update(cx, id: String, input: PostInput) -> Post {
        cx.with(|store| store.update_post(&id, &input))
    }

    /// Deletes a post with its results and exceptions (journalUndo brings
    /// all of it back); resolves with the post as it was.
    fn post_delete(cx, id: String) -> Post {
        cx.with(|store| store.delete_post(&id))
    }

    /// Moves a post to `date` (`YYYY-MM-DD`), the day it was dropped on.
    /// With `time` null (the month view) it keeps its local time of day;
    /// `zone` is used only for an idea that has none yet.
    fn post_move(cx, id: String, date: String, time: Option<String>, zone: String) -> Post {
        cx.with(|store| {
            let time = time.as_deref().map(parse_time).transpose()?;
            store.move_post(&id, parse_date(&date)?, time, parse_zone(&zone)?)
        })
    }

    fn post_unschedule(cx, id: String) -> Post {
        cx.with(|store| store.unschedule_post(&id))
    }
}
