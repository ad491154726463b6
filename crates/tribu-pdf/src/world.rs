//! A minimal Typst world: one template as `main.typ`, the styles the
//! documents share as `common.typ`, one data file as `data.json`, the fonts
//! embedded in the binary, no packages, no network, no file system. The data reaches Typst as JSON read by the template, never as
//! markup, so nothing a user types can change the document's code.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::{embedded, FontStore};

/// Loaded once per process: the fonts take most of a cold export.
fn fonts() -> &'static FontStore {
    static FONTS: OnceLock<FontStore> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut store = FontStore::new();
        store.extend(embedded());
        store
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(<Library as LibraryExt>::default()))
}

/// The look every document shares (page frame, text, tables, labels),
/// imported by the templates as `common.typ`.
const COMMON: &str = include_str!("../templates/common.typ");

fn project_file(name: &str) -> FileId {
    // The names are fixed, valid relative paths.
    let path = VirtualPath::new(name).unwrap_or_else(|_| unreachable!("{name} is a valid path"));
    FileId::new(RootedPath::new(VirtualRoot::Project, path))
}

fn common() -> &'static Source {
    static COMMON_SOURCE: OnceLock<Source> = OnceLock::new();
    COMMON_SOURCE.get_or_init(|| Source::new(project_file("common.typ"), COMMON.to_string()))
}

pub struct DocumentWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl DocumentWorld {
    pub fn new(template: &str, data_json: Vec<u8>, today: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        let main = Source::new(project_file("main.typ"), template.to_string());
        let today = Datetime::from_ymd(today.year(), today.month() as u8, today.day() as u8)
            .unwrap_or_else(|| unreachable!("a chrono date is a valid date"));
        DocumentWorld {
            main,
            data_id: project_file("data.json"),
            data: Bytes::new(data_json),
            today,
        }
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        fonts().book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == common().id() {
            Ok(common().clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
