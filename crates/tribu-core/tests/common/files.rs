//! Files on disk as the opening and backup tests see them: digests, and
//! making a file read-only or a disk full for real.

use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

/// The SHA-256 of the file at `path`, in hex.
pub fn sha256(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("file reads");
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Makes `path` (a file or a folder) impossible to write, even for root
/// (`chattr +i`), until the guard is dropped.
pub struct Immutable(PathBuf);

impl Immutable {
    pub fn new(path: &Path) -> Immutable {
        if is_root() {
            let ok = Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status()
                .expect("chattr runs");
            assert!(ok.success(), "chattr +i {}", path.display());
        } else {
            let mut perms = std::fs::metadata(path).unwrap().permissions();
            perms.set_readonly(true);
            std::fs::set_permissions(path, perms).unwrap();
        }
        Immutable(path.to_path_buf())
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        if is_root() {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        } else if let Ok(meta) = std::fs::metadata(&self.0) {
            let mut perms = meta.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            let _ = std::fs::set_permissions(&self.0, perms);
        }
    }
}

/// A real file system of `kib` KiB (tmpfs), unmounted when dropped: a disk
/// that fills up. Needs root, as `make test` runs on CI; elsewhere the
/// test fails with how to run it, unless TRIBU_SKIP_MOUNT_TESTS is set.
pub struct SmallDisk {
    pub dir: tempfile::TempDir,
}

impl SmallDisk {
    pub fn new(kib: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        if mounted {
            return Some(SmallDisk { dir });
        }
        if std::env::var_os("TRIBU_SKIP_MOUNT_TESTS").is_some() {
            eprintln!("skipped: no tmpfs could be mounted (TRIBU_SKIP_MOUNT_TESTS is set)");
            return None;
        }
        panic!("a small tmpfs could not be mounted: run the tests as root, or set TRIBU_SKIP_MOUNT_TESTS=1");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}
