//! The `share-lint` binary's own modules; the library does not compile them. The flags are
//! parsed into plain arguments (`args.rs`, their values from the library's lists in
//! `values.rs`), then resolved once into the run's settings (`resolve.rs`); `commands.rs`
//! writes what the informational subcommands print.

pub mod args;
pub mod commands;
pub mod resolve;
pub mod values;

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    /// The library's source files: everything under `src/` but the binary's.
    fn library_sources(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() && name != "cli" {
                library_sources(&path, found);
            } else if name.ends_with(".rs") && name != "main.rs" {
                found.push(path);
            }
        }
    }

    #[test]
    fn the_library_neither_prints_errors_nor_exits_nor_uses_anyhow_or_clap() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        library_sources(&src, &mut files);
        assert!(files.len() > 20, "{files:?}");
        assert!(files.iter().any(|f| f.ends_with("run.rs")));
        let forbidden = ["anyhow", "clap", "eprint", "stderr()", "process::exit"];
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for word in forbidden {
                assert!(!text.contains(word), "{} mentions `{word}`", file.display());
            }
        }
    }
}
