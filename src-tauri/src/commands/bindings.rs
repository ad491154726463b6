//! The typed TypeScript wrappers of every command, generated from the
//! `commands!` declarations into `ui/src/lib/bindings/commands.ts`.
//!
//! `TRIBU_WRITE_BINDINGS=1 cargo test -p tribu --lib commands::bindings`
//! (part of `make bindings`) rewrites the file; otherwise the test fails
//! when the committed file differs from what the declarations generate.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::PathBuf;

use ts_rs::{Config, Dependency, TypeVisitor, TS};

/// A Rust type as TypeScript names it, with the generated types it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TsType {
    pub name: String,
    pub imports: BTreeSet<String>,
}

impl TsType {
    pub fn of<T: TS + 'static>() -> TsType {
        struct Imports<'a>(&'a Config, &'a mut BTreeSet<String>);
        impl TypeVisitor for Imports<'_> {
            fn visit<U: TS + 'static + ?Sized>(&mut self) {
                if let Some(dep) = Dependency::from_ty::<U>(self.0) {
                    self.1.insert(dep.ts_name);
                }
            }
        }
        let cfg = Config::new();
        let mut imports = BTreeSet::new();
        Imports(&cfg, &mut imports).visit::<T>();
        T::visit_generics(&mut Imports(&cfg, &mut imports));
        TsType {
            name: T::name(&cfg),
            imports,
        }
    }
}

/// One command as the UI calls it.
#[derive(Debug, Clone)]
pub struct Signature {
    pub name: &'static str,
    pub docs: Vec<&'static str>,
    pub args: Vec<(&'static str, TsType)>,
    pub result: TsType,
}

/// `post_id` → `postId`: Tauri maps the UI's camelCase keys to the Rust names.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn write_docs(out: &mut String, docs: &[&str]) {
    let lines: Vec<&str> = docs
        .iter()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    match lines.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(out, "  /** {one} */");
        }
        many => {
            out.push_str("  /**\n");
            for line in many {
                let _ = writeln!(out, "   * {line}");
            }
            out.push_str("   */\n");
        }
    }
}

/// The whole generated file.
pub fn render(signatures: &[Signature]) -> String {
    let mut imports = BTreeSet::new();
    for sig in signatures {
        imports.extend(sig.result.imports.iter().cloned());
        for (_, ty) in &sig.args {
            imports.extend(ty.imports.iter().cloned());
        }
    }
    let mut out = String::from(
        "// Generated from the `commands!` declarations in src-tauri/src/commands/\n\
         // by `make bindings`. Do not edit: a test fails when this file differs\n\
         // from what the declarations generate.\n\
         import { call } from '../ipc';\n",
    );
    for name in &imports {
        let _ = writeln!(out, "import type {{ {name} }} from './{name}';");
    }
    out.push_str("\nexport const commands = {\n");
    for sig in signatures {
        write_docs(&mut out, &sig.docs);
        let params: Vec<String> = sig
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {}", camel(name), ty.name))
            .collect();
        let args = if sig.args.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = sig.args.iter().map(|(name, _)| camel(name)).collect();
            format!(", {{ {} }}", names.join(", "))
        };
        let _ = writeln!(
            out,
            "  {}: ({}) => call<{}>('{}'{}),",
            camel(sig.name),
            params.join(", "),
            sig.result.name,
            sig.name,
            args
        );
    }
    out.push_str("};\n");
    out
}

/// `Ok` when `committed` is what the declarations generate; otherwise the
/// first line that differs, so the failure says where to look.
pub fn check(committed: &str, generated: &str) -> Result<(), String> {
    if committed == generated {
        return Ok(());
    }
    let mut committed_lines = committed.lines();
    for (n, line) in generated.lines().enumerate() {
        match committed_lines.next() {
            Some(old) if old == line => continue,
            old => {
                return Err(format!(
                    "line {}: the committed file has {:?}, the declarations generate {:?}",
                    n + 1,
                    old.unwrap_or("(end of file)"),
                    line
                ))
            }
        }
    }
    Err("the committed file has lines the declarations no longer generate".into())
}

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings/commands.ts")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_wrappers_match_the_declarations() {
        let generated = render(&crate::commands::signatures());
        let path = committed_path();
        if std::env::var_os("TRIBU_WRITE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if let Err(diff) = check(&committed, &generated) {
            panic!("{} is stale ({diff}); run `make bindings`", path.display());
        }
    }

    #[test]
    fn a_stale_file_is_caught_at_the_line_that_drifted() {
        let generated = render(&crate::commands::signatures());
        // A wrapper still sending an argument under its old name.
        let renamed = generated.replacen("{ postId,", "{ post_id,", 1);
        assert_ne!(renamed, generated, "the file has a command taking postId");
        let err = check(&renamed, &generated).unwrap_err();
        assert!(err.contains("post_id"), "{err}");
        // A command declared since the file was written.
        let dropped: String = generated
            .lines()
            .filter(|l| !l.contains("'post_move'"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(check(&dropped, &generated)
            .unwrap_err()
            .contains("post_move"));
        // A command removed since: the file is longer than what is generated.
        let longer = format!("{generated}// extra\n");
        assert!(check(&longer, &generated).is_err());
    }

    #[test]
    fn one_signature_renders_as_a_typed_wrapper() {
        let sig = Signature {
            name: "occurrence_delete",
            docs: vec![" Deletes one occurrence,", " or the following."],
            args: vec![
                ("post_id", TsType::of::<String>()),
                (
                    "scope",
                    TsType::of::<tribu_core::schedule::OccurrenceScope>(),
                ),
                ("time", TsType::of::<Option<String>>()),
            ],
            result: TsType::of::<Vec<tribu_core::model::Network>>(),
        };
        assert_eq!(
            render(&[sig]),
            "// Generated from the `commands!` declarations in src-tauri/src/commands/\n\
             // by `make bindings`. Do not edit: a test fails when this file differs\n\
             // from what the declarations generate.\n\
             import { call } from '../ipc';\n\
             import type { Network } from './Network';\n\
             import type { OccurrenceScope } from './OccurrenceScope';\n\
             \n\
             export const commands = {\n  \
             /**\n   \
             * Deletes one occurrence,\n   \
             * or the following.\n   \
             */\n  \
             occurrenceDelete: (postId: string, scope: OccurrenceScope, time: string | null) => \
             call<Array<Network>>('occurrence_delete', { postId, scope, time }),\n\
             };\n"
        );
    }

    #[test]
    fn unit_results_and_no_arguments() {
        let sig = Signature {
            name: "charter_undo",
            docs: vec![],
            args: vec![],
            result: TsType::of::<()>(),
        };
        let text = render(&[sig]);
        assert!(
            text.contains("  charterUndo: () => call<null>('charter_undo'),\n"),
            "{text}"
        );
    }

    #[test]
    fn every_command_name_is_declared_once() {
        let mut seen = BTreeSet::new();
        for sig in crate::commands::signatures() {
            assert!(seen.insert(sig.name), "{} is declared twice", sig.name);
        }
        assert!(seen.len() >= 62, "{} commands", seen.len());
    }

    /// A stored record comes back from the store's own journal, never as
    /// the webview sends it: no command takes a whole post (an undo once
    /// wrote back whatever `planned_at` the page gave).
    #[test]
    fn no_command_takes_a_stored_record_from_the_webview() {
        let stored = TsType::of::<tribu_core::model::Post>().name;
        for sig in crate::commands::signatures() {
            for (arg, ty) in &sig.args {
                assert_ne!(ty.name, stored, "{}({arg}) takes a whole post", sig.name);
            }
        }
    }
}
