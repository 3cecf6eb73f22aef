//! `typescript/share-message.d.ts`: equal to what the model generates, and checked by the real
//! `tsc` (npm `typescript`, installed by `scripts/test`): the examples of `tests/typescript/pass`
//! compile, and every line marked `// @ts-expect-error` in `tests/typescript/fail` is an error
//! (tsc refuses a marker on a line that compiles). The folder packs with `npm pack`.
//! `UPDATE_TYPESCRIPT=1 cargo test -p share-schema --test typescript` writes the file again.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn node_bin(name: &str) -> PathBuf {
    root()
        .join("../target/tools/node/node_modules/.bin")
        .join(name)
}

#[test]
fn the_committed_declarations_are_the_generated_ones() {
    let path = root().join("typescript/share-message.d.ts");
    let generated = share_schema::typescript::declarations();
    if std::env::var_os("UPDATE_TYPESCRIPT").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "typescript/share-message.d.ts is out of date: \
         UPDATE_TYPESCRIPT=1 cargo test -p share-schema --test typescript"
    );
}

/// `tsc --noEmit` on `files` with the declarations, strict, as a web app compiles; its output.
fn tsc(dir: &Path, files: &[PathBuf]) -> std::process::Output {
    let config = serde_json::json!({
        "compilerOptions": {
            "strict": true,
            "noEmit": true,
            "target": "es2022",
            "module": "esnext",
            "moduleResolution": "bundler",
            "lib": ["es2022", "dom"],
            "types": [],
            "paths": { "@share-toolkit/share-message": [root().join("typescript/share-message.d.ts")] },
        },
        "files": files,
    });
    std::fs::write(
        dir.join("tsconfig.json"),
        serde_json::to_string_pretty(&config).unwrap(),
    )
    .unwrap();
    Command::new(node_bin("tsc"))
        .arg("-p")
        .arg(dir.join("tsconfig.json"))
        .output()
        .expect("tsc is installed: run the tests with scripts/test")
}

fn examples(kind: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/typescript").join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn tsc_accepts_good_payloads_and_refuses_each_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = examples("pass");
    files.extend(examples("fail"));
    let out = tsc(dir.path(), &files);
    assert!(
        out.status.success(),
        "tsc:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Each marker stands for an error on the line below it: without the markers, tsc reports
    // errors on exactly those lines.
    let mut marked = std::collections::BTreeSet::new();
    let mut stripped = Vec::new();
    for file in examples("fail") {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for (i, line) in text.lines().enumerate() {
            if line.trim() == "// @ts-expect-error" {
                marked.insert((name.clone(), i + 2));
            }
        }
        let copy = dir.path().join(&name);
        std::fs::write(&copy, text.replace("// @ts-expect-error", "//")).unwrap();
        stripped.push(copy);
    }
    assert!(marked.len() >= 8, "{marked:?}");
    let out = tsc(dir.path(), &stripped);
    let report = String::from_utf8_lossy(&out.stdout);
    // `path(line,column): error TS...`
    let errors: std::collections::BTreeSet<(String, usize)> = report
        .lines()
        .filter_map(|l| l.split_once(": error TS").map(|(at, _)| at))
        .filter_map(|at| {
            let (path, place) = at.rsplit_once('(')?;
            let line = place.split(',').next()?.parse().ok()?;
            let name = Path::new(path).file_name()?.to_string_lossy().into_owned();
            Some((name, line))
        })
        .collect();
    assert_eq!(errors, marked, "{report}");
}

#[test]
fn the_folder_packs() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("npm")
        .current_dir(root().join("typescript"))
        .args(["pack", "--silent", "--pack-destination"])
        .arg(dir.path())
        .output()
        .expect("npm runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tarball = dir.path().join("share-toolkit-share-message-0.1.0.tgz");
    let list = Command::new("tar")
        .arg("-tzf")
        .arg(&tarball)
        .output()
        .unwrap();
    let files = String::from_utf8_lossy(&list.stdout);
    for needed in [
        "package/share-message.d.ts",
        "package/package.json",
        "package/README.md",
    ] {
        assert!(files.lines().any(|l| l == needed), "{needed}: {files}");
    }
    let package: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("typescript/package.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(package["types"], "share-message.d.ts");
    assert_eq!(package["version"], env!("CARGO_PKG_VERSION"));
}
