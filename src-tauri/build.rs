// The app context (embedded UI, icons, capabilities) is generated here rather
// than by `generate_context!`, so that cargo rebuilds the app whenever
// `ui/dist` changes: a stale embedded UI would make the tests lie.
fn main() {
    let attributes = tauri_build::Attributes::new().codegen(tauri_build::CodegenContext::new());
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
