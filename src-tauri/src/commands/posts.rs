use tauri::State;
use tribu_core::model::{Post, PostFilter, PostInput, PostSummary};
use tribu_core::time::{parse_date, parse_instant, parse_time, parse_zone};

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn posts_list_range(
    state: State<'_, AppState>,
    start: String,
    end: String,
    filter: PostFilter,
) -> CmdResult<Vec<PostSummary>> {
    state.with(|store| {
        store.posts_in_range(
            parse_instant("start", &start)?,
            parse_instant("end", &end)?,
            &filter,
        )
    })
}

#[tauri::command(async)]
pub fn posts_backlog(
    state: State<'_, AppState>,
    filter: PostFilter,
) -> CmdResult<Vec<PostSummary>> {
    state.with(|store| store.backlog(&filter))
}

#[tauri::command(async)]
pub fn posts_themes(state: State<'_, AppState>) -> CmdResult<Vec<String>> {
    state.with(|store| store.themes())
}

#[tauri::command(async)]
pub fn post_get(state: State<'_, AppState>, id: String) -> CmdResult<Post> {
    state.with(|store| store.post(&id))
}

#[tauri::command(async)]
pub fn post_create(state: State<'_, AppState>, input: PostInput) -> CmdResult<Post> {
    state.changing_posts(|store| store.create_post(&input))
}

#[tauri::command(async)]
pub fn post_update(state: State<'_, AppState>, id: String, input: PostInput) -> CmdResult<Post> {
    state.changing_posts(|store| store.update_post(&id, &input))
}

#[tauri::command(async)]
pub fn post_delete(state: State<'_, AppState>, id: String) -> CmdResult<Post> {
    state.changing_posts(|store| store.delete_post(&id))
}

#[tauri::command(async)]
pub fn post_restore(state: State<'_, AppState>, post: Post) -> CmdResult<Post> {
    state.changing_posts(|store| store.restore_post(&post))
}

/// `date` is the day the post was dropped on; `time` is given by the week
/// view's slots, absent in the month view (the post keeps its time of day).
#[tauri::command(async)]
pub fn post_move(
    state: State<'_, AppState>,
    id: String,
    date: String,
    time: Option<String>,
    zone: String,
) -> CmdResult<Post> {
    state.changing_posts(|store| {
        let time = time.as_deref().map(parse_time).transpose()?;
        store.move_post(&id, parse_date(&date)?, time, parse_zone(&zone)?)
    })
}

#[tauri::command(async)]
pub fn post_unschedule(state: State<'_, AppState>, id: String) -> CmdResult<Post> {
    state.changing_posts(|store| store.unschedule_post(&id))
}
