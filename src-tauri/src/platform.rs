//! Adjustments to the platform's web view, made before the window exists.

/// WebKitGTK composites layers with OpenGL. On a machine with no GPU render
/// node (a virtual machine, a remote desktop, CI) that OpenGL is a software
/// rasteriser, and compositing then doubles the time to paint a busy month
/// (measured: ~240 ms against ~100 ms for 1,000 posts, see BENCHMARKS.md).
/// There, WebKit's plain software path is the faster one. A user's own
/// setting of the variable always wins.
#[cfg(target_os = "linux")]
pub fn tune_webview() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VAR).is_some() {
        return;
    }
    let has_render_node = std::fs::read_dir("/dev/dri")
        .map(|dir| {
            dir.flatten()
                .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false);
    if !has_render_node {
        // Called first thing in `run`, before any thread is started.
        std::env::set_var(VAR, "1");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn tune_webview() {}
