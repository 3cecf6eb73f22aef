//! The `share-lint` binary: parse the command line, run, map the outcome to the exit status
//! (0 clean, 1 findings, 2 the run failed).

use clap::Parser;
use share_lint::cli::{Cli, Command};
use share_lint::run::{self, Outcome};
use std::io::Write;
use std::process::ExitCode;

// The linter allocates many small strings and maps per file (parse tree, values, findings);
// mimalloc measured 12% faster than the system allocator on the 10,000-file corpus
// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        None => run::check(&cli.check).map(status),
        Some(Command::Check(args)) => run::check(&args).map(status),
        Some(Command::Rules { json }) => print(&share_lint::commands::rules(json)),
        Some(Command::Explain { rule }) => match share_lint::commands::explain(&rule) {
            Ok(text) => print(&text),
            Err(message) => Err(anyhow::anyhow!(message)),
        },
        Some(Command::Schema) => print(&share_lint::commands::schema()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "share-lint: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn status(outcome: Outcome) -> ExitCode {
    match outcome {
        Outcome::Clean => ExitCode::SUCCESS,
        Outcome::Findings => ExitCode::from(1),
    }
}

fn print(text: &str) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
