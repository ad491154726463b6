//! How a command is declared: once, in the module of its feature, with
//! [`commands!`]. The declaration makes the Tauri command, the module's
//! part of the handler list, and (in tests) the signature from which
//! `ui/src/lib/bindings/commands.ts` is generated, so the names and
//! argument names the UI sends can never drift from the Rust side.

use std::ops::Deref;

use tauri::AppHandle;

use crate::state::AppState;

/// What every command may use: the app (dialogs, the opener) and its state.
/// It derefs to [`AppState`], so a body reads `cx.with(|store| …)`.
pub struct Cx<'a> {
    pub app: &'a AppHandle,
    pub state: &'a AppState,
}

impl Deref for Cx<'_> {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        self.state
    }
}

/// Declares the commands of one feature module.
///
/// ```ignore
/// commands! {
///     /// Shown in the generated TypeScript too.
///     fn network_update(cx, id: String, input: NetworkInput) -> Network {
///         cx.with(|store| store.update_network(&id, &input))
///     }
/// }
/// ```
///
/// Each becomes `#[tauri::command(async)]` (database work never runs on the
/// main thread) returning `CmdResult<T>`; its arguments arrive from the UI
/// under their camelCase names. The module gains `NAMES`, `handler()` and,
/// under test, `signatures()`.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($cx:ident $(, $arg:ident : $ty:ty)* $(,)?) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command(async)]
            pub fn $name(
                app: tauri::AppHandle,
                $($arg: $ty),*
            ) -> $crate::commands::CmdResult<$ret> {
                let state = tauri::Manager::state::<$crate::state::AppState>(&app);
                let $cx = $crate::commands::Cx { app: &app, state: state.inner() };
                $body
            }
        )*

        /// The names of this module's commands, as the UI invokes them.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];

        /// Runs one of this module's commands (the caller checked `NAMES`).
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool {
            tauri::generate_handler![$($name),*]
        }

        /// Each command's name, documentation, arguments and result, as
        /// TypeScript sees them.
        #[cfg(test)]
        pub fn signatures() -> Vec<$crate::commands::bindings::Signature> {
            use $crate::commands::bindings::{Signature, TsType};
            vec![$(
                Signature {
                    name: stringify!($name),
                    docs: vec![$($doc),*],
                    args: vec![$((stringify!($arg), TsType::of::<$ty>())),*],
                    result: TsType::of::<$ret>(),
                }
            ),*]
        }
    };
}
pub(crate) use commands;

/// Lists the feature modules once: declares them, routes an invocation to
/// the module that declares its command, and gathers the signatures.
macro_rules! command_modules {
    ($($module:ident),+ $(,)?) => {
        $(pub mod $module;)+

        /// The invoke handler of the whole app.
        pub fn invoke_handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            |invoke| {
                let command = invoke.message.command().to_owned();
                $(
                    if $module::NAMES.contains(&command.as_str()) {
                        return ($module::handler())(invoke);
                    }
                )+
                // Unknown: Tauri answers the window with its own error.
                false
            }
        }

        /// Every command's signature, module by module.
        #[cfg(test)]
        pub fn signatures() -> Vec<bindings::Signature> {
            let mut all = Vec::new();
            $(all.extend($module::signatures());)+
            all
        }
    };
}
pub(crate) use command_modules;
