//! The `share-lint` binary: parse the command line, run, print, and map the outcome to the exit
//! status (0 clean, 1 findings, 2 the run failed). Only the binary prints to standard error,
//! exits, or uses `anyhow`; the library returns typed results.

mod cli;

use clap::Parser;
use cli::args::{CheckArgs, Cli, Command};
use cli::commands;
use share_lint::run::{Run, Verdict};
use std::io::{self, Write};
use std::process::ExitCode;

// The linter allocates many small strings and maps per file (parse tree, values, findings);
// mimalloc measured 12% faster than the system allocator on the 10,000-file corpus
// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The exit status of a run that failed: a file or the configuration could not be read, a fix
/// could not be written, the flags are wrong.
const FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` come here too, and are not failures.
            let code = if e.use_stderr() { FAILURE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        None => check(cli.check),
        Some(Command::Check(args)) => check(args),
        Some(Command::Rules { json }) => print(&commands::rules(json)),
        Some(Command::Explain { rule }) => commands::explain(&rule).and_then(|text| print(&text)),
        Some(Command::Schema) => print(&commands::schema()),
        Some(Command::ConfigSchema) => print(&commands::config_schema()),
        Some(Command::Completions { shell }) => print(&commands::completions(shell)),
        Some(Command::Man) => commands::man().and_then(|text| print(&text)),
    };
    result.unwrap_or_else(|e| {
        report(&*e);
        ExitCode::from(FAILURE)
    })
}

/// `share-lint check`: exit 1 for findings, 2 when any file or output failed (each is named).
fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    if args.show_settings {
        anyhow::ensure!(
            !args.paths.is_empty(),
            "--show-settings needs the files to show the settings of"
        );
        let text = share_lint::config::show_settings(&args.paths, args.config.as_deref())?;
        return print(&text);
    }
    let run = Run::new(args.resolve()?)?;
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let mut stderr = io::BufWriter::new(io::stderr().lock());
    let outcome = run.execute(&mut stdout, &mut stderr)?;
    drop((stdout, stderr));
    for failure in &outcome.failures {
        report(failure);
    }
    Ok(if !outcome.failures.is_empty() {
        ExitCode::from(FAILURE)
    } else if outcome.verdict == Verdict::Findings {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes `text` to standard output; a reader that went away (`share-lint rules | head`) is not
/// an error.
fn print(text: &str) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// `share-lint: error: ...` on standard error: the error, then each of its causes after `: `.
fn report(e: &(dyn std::error::Error + 'static)) {
    let mut line = format!("share-lint: error: {e}");
    for cause in std::iter::successors(e.source(), |cause| cause.source()) {
        line.push_str(&format!(": {cause}"));
    }
    let _ = writeln!(io::stderr(), "{line}");
}
