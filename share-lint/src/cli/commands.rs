//! What the informational subcommands print (binary only): `rules`, `explain`, `schema`, `config-schema`,
//! `completions` and `man`.

use share_lint::rules::{self, FixKind};

/// `share-lint rules`: the catalogue as a table (or JSON).
pub fn rules(json: bool) -> String {
    let all = rules::all();
    if json {
        let list: Vec<serde_json::Value> = all
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code, "name": r.name, "severity": r.severity,
                    "summary": r.summary, "fix": r.fix,
                })
            })
            .collect();
        return serde_json::to_string_pretty(&list).unwrap_or_default() + "\n";
    }
    let width = all.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in all {
        let fix = match r.fix {
            FixKind::None => "   ",
            FixKind::Safe => "[*]",
            FixKind::Unsafe => "[!]",
        };
        out.push_str(&format!(
            "{}  {:width$}  {:7}  {fix}  {}\n",
            r.code,
            r.name,
            r.severity.as_str(),
            r.summary
        ));
    }
    out.push_str("\n[*] fixable with --fix   [!] fixable with --unsafe-fixes\n");
    out
}

/// `share-lint explain CODE`: the rule's documentation, as written in its rule file.
pub fn explain(code_or_name: &str) -> anyhow::Result<String> {
    match rules::lookup(code_or_name) {
        Some(r) => Ok(r.markdown() + "\n"),
        None => {
            let names: Vec<&str> = rules::all().iter().map(|r| r.name).collect();
            let hint = share_schema::suggest(code_or_name, &names)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_else(|| "; `share-lint rules` lists them".to_owned());
            anyhow::bail!("unknown rule `{code_or_name}`{hint}")
        }
    }
}

/// `share-lint config-schema`: the JSON Schema of `share-lint.toml`.
pub fn config_schema() -> String {
    serde_json::to_string_pretty(&share_lint::config::config_schema()).unwrap_or_default() + "\n"
}

/// `share-lint schema`: the JSON Schema of payload files.
pub fn schema() -> String {
    serde_json::to_string_pretty(&share_schema::json_schema()).unwrap_or_default() + "\n"
}

/// `share-lint completions SHELL`: the completion script, from the clap definition.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut command = <super::args::Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "share-lint", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// `share-lint man`: the manual page (roff), from the clap definition.
pub fn man() -> anyhow::Result<String> {
    let command = <super::args::Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command).render(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
