//! What opening a file in its directory's descriptor saves over opening it by path
//! (`src/open.rs`, `open_input`), with nothing else timed: every file of a folder opened,
//! `fstat`ed and closed, once by its whole path and once by its name in the folder's
//! descriptor, the two ways alternating for each round. Prints each way's median over the
//! rounds, in milliseconds, and their ratio.
//!
//! Usage: `cargo bench -p share-lint --bench open_in_dir -- DIR [ROUNDS]` (15 rounds unless
//! given). Without a folder (`cargo bench` runs every bench with no arguments) it prints its
//! usage and does nothing.

fn main() {
    #[cfg(unix)]
    run();
    #[cfg(not(unix))]
    eprintln!("open_in_dir measures Unix descriptors only");
}

#[cfg(unix)]
fn run() {
    use rustix::fs::{Mode, OFlags};
    use std::fs::{File, OpenOptions};
    use std::os::unix::fs::OpenOptionsExt;
    use std::path::PathBuf;
    use std::time::Instant;

    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench -p share-lint --bench open_in_dir -- DIR [ROUNDS]");
        return;
    };
    let rounds: usize = args
        .get(1)
        .map_or(15, |r| r.parse().expect("ROUNDS is a number"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("a folder")
        .map(|e| e.expect("an entry"))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name())
        .collect();
    names.sort();
    let paths: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let (mut by_path, mut in_dir) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let start = Instant::now();
        for path in &paths {
            let file = OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
                .open(path)
                .expect("opened by path");
            file.metadata().expect("its metadata");
        }
        by_path.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        // As `src/open.rs` opens it: `O_PATH` where there is one.
        #[cfg(any(target_os = "linux", target_os = "android"))]
        let kind = OFlags::PATH;
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        let kind = OFlags::RDONLY;
        let fd = rustix::fs::open(
            &dir,
            kind | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .expect("the folder opened");
        for name in &names {
            let file = File::from(
                rustix::fs::openat(&fd, name.as_os_str(), flags, Mode::empty())
                    .expect("opened in the folder"),
            );
            file.metadata().expect("its metadata");
        }
        in_dir.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let (a, b) = (median(&mut by_path), median(&mut in_dir));
    println!(
        "{} files of {}, {rounds} rounds: by path {a:.2} ms, in the folder's descriptor {b:.2} ms (ratio {:.3})",
        paths.len(),
        dir.display(),
        b / a
    );
}

#[cfg(unix)]
fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
