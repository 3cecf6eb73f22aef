//! Globs: `[files] include` / `exclude` and `[[overrides]] files` compiled into [`GlobSet`]s,
//! the default globs, and matching a path (or one of its parent directories) against them.

use super::error::{quote, ConfigError};
use super::plain_glob::{last_name, PlainList};
use super::raw::RawGlobs;
use super::Parsing;
use globset::{Candidate, GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::{Component, Path};
use std::sync::{LazyLock, OnceLock};

/// The globs a directory walk lints when `[files] include` is not set: every JSON and JSONC
/// file and every script ([`crate::js::SCRIPT_EXTENSIONS`]), less [`DEFAULT_EXCLUDE`]; of
/// those, a walk lints only JSON files that look like payloads (their top-level object has a key
/// of the payload format), so the repository's other JSON is left alone, and only scripts whose
/// text holds `shareMessage`.
pub const DEFAULT_INCLUDE: &[&str] = &[
    "**/*.json",
    "**/*.jsonc",
    "**/*.js",
    "**/*.mjs",
    "**/*.cjs",
    "**/*.jsx",
    "**/*.ts",
    "**/*.mts",
    "**/*.cts",
    "**/*.tsx",
    "**/*.vue",
    "**/*.svelte",
    "**/*.html",
    "**/*.htm",
];

/// The globs a directory walk skips when `[files] exclude` is not set: well-known JSON files
/// that are never payloads (some, like a `package.json` with `"type": "module"`, would look like
/// one).
pub const DEFAULT_EXCLUDE: &[&str] = &[
    "package.json",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "composer.json",
    "tsconfig*.json",
    "jsconfig*.json",
    "deno.json",
    "deno.jsonc",
    "biome.json",
    "biome.jsonc",
    "turbo.json",
    "lerna.json",
    "nx.json",
    "vercel.json",
    "renovate.json",
    ".eslintrc.json",
    ".prettierrc.json",
    ".babelrc.json",
    "*.schema.json",
    "*.sarif.json",
    "*.code-workspace",
    ".vscode/**",
    ".idea/**",
    ".devcontainer/**",
    "node_modules/**",
];

/// Whether a directory walk with no `share-lint.toml` lints the file at `relative_path`
/// (relative to the directory walked): [`DEFAULT_INCLUDE`] matches it.
pub fn default_is_included(relative_path: &Path) -> bool {
    is_included(&DEFAULT_GLOBS, &DEFAULT_EXCLUDE_GLOBS, relative_path)
}

/// Whether the default exclude globs ([`DEFAULT_EXCLUDE`]) match `relative_path` or a directory
/// above it (for `--force-exclude` without a configuration).
pub fn default_is_excluded(relative_path: &Path) -> bool {
    DEFAULT_EXCLUDE_GLOBS.matches_any_prefix(without_leading_cur_dir(relative_path))
}

/// Whether a walk lints the file at `relative_path`: a glob of `include` matches it, and no
/// glob of `exclude` matches it or a directory above it.
pub(super) fn is_included(include: &Globs, exclude: &Globs, relative_path: &Path) -> bool {
    let file = Subject::new(without_leading_cur_dir(relative_path));
    include.matches(&file) && !exclude.matches_file_or_parent(&file)
}

/// A path to match, and `globset`'s view of it (its bytes normalized, its name and extension),
/// made once for all the lists that need it and not at all when plain globs do the matching.
pub(super) struct Subject<'p> {
    path: &'p Path,
    /// The path's bytes, its last name and whether it has a parent (for plain globs).
    bytes: &'p [u8],
    name: &'p [u8],
    has_parent: bool,
    candidate: std::cell::OnceCell<Candidate<'p>>,
}

impl<'p> Subject<'p> {
    /// `path` (normalized: no leading `./`), to match.
    pub(super) fn new(path: &'p Path) -> Self {
        let bytes = path.as_os_str().as_encoded_bytes();
        let (name, has_slash) = last_name(bytes);
        Subject {
            path,
            bytes,
            name,
            // Elsewhere a `\` separates names too: the parents are always looked at there.
            has_parent: has_slash || !cfg!(unix),
            candidate: std::cell::OnceCell::new(),
        }
    }

    fn candidate(&self) -> &Candidate<'p> {
        self.candidate.get_or_init(|| Candidate::new(self.path))
    }
}

/// The most globs in one list (`include`, `exclude`, an override's `files`): compiling a glob
/// set costs memory and time with its size (100,000 globs: 800 MB and 5 s), and a project
/// names its payload directories in a handful.
pub(super) const MAX_GLOBS: usize = 1_000;

/// The longest glob compiled: PATH_MAX on Linux.
pub(super) const MAX_GLOB_BYTES: usize = 4096;

/// Compiled globs, with their text as written (for `--show-settings`, which names the glob
/// that matched).
#[derive(Clone, Debug)]
pub(super) struct Globs {
    /// The globs as one set ([`Globs::set`]): built with the list, or for the default lists, whose
    /// globs are all plain, when first asked for (`--show-settings` names the glob that matched)
    /// — building them cost a million instructions a walk (BENCHMARKS.md, issue 14's tenth
    /// session).
    set: OnceLock<GlobSet>,
    /// The globs the set is built of, while it is not.
    globs: Box<[globset::Glob]>,
    pub(super) texts: Vec<String>,
    /// The same globs as [plain globs](PlainList), when every one of them is plain (and paths
    /// are `/`-separated, as on Unix): matched without `set`'s regexes.
    plain: Option<PlainList>,
}

impl Globs {
    /// The list of `globs` (as [`compile_glob`] made them, or the first error making one), with
    /// their `texts` as written; the outer error is one of the globs', the inner one the set's.
    fn build<E>(
        globs: impl Iterator<Item = Result<globset::Glob, E>>,
        texts: Vec<String>,
    ) -> Result<Result<Self, globset::Error>, E> {
        let globs = globs.collect::<Result<Vec<_>, E>>()?;
        let plain = plain_of(&globs);
        // Moved into the set, not cloned: a glob of 2,000 nested `{` is cloned by as deep a
        // recursion, which overflowed a test thread's stack.
        let mut builder = GlobSetBuilder::new();
        for glob in globs {
            builder.add(glob);
        }
        Ok(builder.build().map(|set| Globs {
            set: OnceLock::from(set),
            globs: Box::default(),
            texts,
            plain,
        }))
    }

    /// A default list: its set is built when first asked for, unless its globs are not all
    /// plain.
    fn default_list(patterns: &[&str]) -> Globs {
        let globs = patterns.iter().map(|p| compile_glob(p));
        let globs = globs.collect::<Result<Box<[_]>, _>>();
        let globs = globs.expect("the default globs are valid");
        let plain = plain_of(&globs);
        let texts = patterns.iter().map(|p| (*p).to_owned()).collect();
        let mut list = Globs {
            set: OnceLock::new(),
            globs,
            texts,
            plain,
        };
        if list.plain.is_none() {
            list.set();
            list.globs = Box::default();
        }
        list
    }

    /// The globs as one set.
    pub(super) fn set(&self) -> &GlobSet {
        self.set.get_or_init(|| {
            // Only a default list gets here (the others are built with their set), and the
            // default lists compile (tested).
            set_of(&self.globs).expect("the default globs compile")
        })
    }

    /// Whether a glob matches the path.
    pub(super) fn matches(&self, path: &Subject<'_>) -> bool {
        match &self.plain {
            Some(plain) => plain.is_match(path.bytes, path.name),
            None => self.set().is_match_candidate(path.candidate()),
        }
    }

    /// Whether a glob matches the file or one of its parent directories.
    pub(super) fn matches_file_or_parent(&self, file: &Subject<'_>) -> bool {
        // A path of one name has no parent to look at (`Path::parent` parses its components).
        !self.texts.is_empty()
            && (self.matches(file)
                || (file.has_parent && self.matching_prefix(file.path.parent()).is_some()))
    }

    /// Whether a glob matches `path` or one of its parent directories.
    pub(super) fn matches_any_prefix(&self, path: &Path) -> bool {
        self.matching_prefix(Some(path)).is_some()
    }

    /// `path`, or the first of its parent directories, that a glob matches.
    fn matching_prefix<'p>(&self, path: Option<&'p Path>) -> Option<&'p Path> {
        if self.texts.is_empty() {
            return None;
        }
        path?
            .ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .find(|p| self.matches(&Subject::new(p)))
    }

    /// The first glob that matches the file at `path`, as written.
    pub(super) fn first_match_file(&self, path: &Path) -> Option<&str> {
        let path = without_leading_cur_dir(path);
        self.set()
            .matches(path)
            .first()
            .map(|&i| self.texts[i].as_str())
    }

    /// The first glob that matches `path` or a directory above it, as written.
    pub(super) fn first_match(&self, path: &Path) -> Option<&str> {
        let matched = self.matching_prefix(Some(without_leading_cur_dir(path)))?;
        self.first_match_file(matched)
    }
}

impl Parsing<'_> {
    /// Compiles a glob list; `key` names it in messages. An empty `include` or override `files`
    /// would match nothing, which is never meant; an empty `exclude` is fine.
    pub(super) fn globs(&self, raw: &RawGlobs, key: &str) -> Result<Globs, ConfigError> {
        if raw.get_ref().is_empty() && key != "exclude" {
            return Err(self.error(
                raw.span(),
                format!("`{key}` is empty; list at least one glob"),
            ));
        }
        if raw.get_ref().len() > MAX_GLOBS {
            return Err(self.error(
                raw.span(),
                format!(
                    "`{key}` lists {} globs; at most {} are allowed",
                    share_schema::rules::thousands(raw.get_ref().len()),
                    share_schema::rules::thousands(MAX_GLOBS)
                ),
            ));
        }
        let globs = raw.get_ref().iter().map(|pattern| {
            compile_glob(pattern.get_ref()).map_err(|m| self.error(pattern.span(), m))
        });
        let texts = raw.get_ref().iter().map(|p| p.get_ref().clone()).collect();
        Globs::build(globs, texts)?.map_err(|e| {
            self.error(
                raw.span(),
                format!("cannot compile the globs of `{key}`: {}", e.kind()),
            )
        })
    }
}

/// One glob, as [`globset`] compiles it (the conventions are in the `config` module docs).
fn compile_glob(pattern: &str) -> Result<globset::Glob, String> {
    if pattern.len() > MAX_GLOB_BYTES {
        // No path is longer, and compiling a huge glob takes long before it fails.
        return Err(format!(
            "invalid glob `{}`: it is longer than {MAX_GLOB_BYTES} bytes, the longest path",
            quote(pattern)
        ));
    }
    let mut p = pattern;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    let anchored = p.starts_with('/');
    let p = p.trim_start_matches('/');
    if p.is_empty() {
        return Err(format!(
            "invalid glob `{}`: it matches no file",
            quote(pattern)
        ));
    }
    let full = if anchored || p.contains('/') {
        p.to_owned()
    } else {
        format!("**/{p}")
    };
    GlobBuilder::new(&full)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob `{}`: {}", quote(pattern), e.kind()))
}

/// [`DEFAULT_INCLUDE`], compiled once.
pub(super) static DEFAULT_GLOBS: LazyLock<Globs> =
    LazyLock::new(|| Globs::default_list(DEFAULT_INCLUDE));

/// [`DEFAULT_EXCLUDE`], compiled once.
pub(super) static DEFAULT_EXCLUDE_GLOBS: LazyLock<Globs> =
    LazyLock::new(|| Globs::default_list(DEFAULT_EXCLUDE));

/// `globs` as plain globs, when they all are (and paths are `/`-separated, as on Unix).
fn plain_of(globs: &[globset::Glob]) -> Option<PlainList> {
    cfg!(unix)
        .then(|| PlainList::parse(globs.iter().map(globset::Glob::glob)))
        .flatten()
}

/// One set of `globs` (the default lists': shallow globs, cloned).
fn set_of(globs: &[globset::Glob]) -> Result<GlobSet, globset::Error> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        builder.add(glob.clone());
    }
    builder.build()
}

/// `./a/b` → `a/b`: globs are matched against paths without a leading `.`.
pub(super) fn without_leading_cur_dir(path: &Path) -> &Path {
    // What a walk gives (`a/b.json`) is returned as it is, without parsing its components: no
    // leading `.`, and no trailing `/` or `/.` (which `as_path` below would trim).
    let bytes = path.as_os_str().as_encoded_bytes();
    if cfg!(unix)
        && bytes.first().is_some_and(|&b| b != b'.')
        && !bytes.ends_with(b"/")
        && !bytes.ends_with(b"/.")
    {
        return path;
    }
    let mut components = path.components();
    while components.clone().next() == Some(Component::CurDir) {
        components.next();
    }
    components.as_path()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_globs_are_json_and_every_script() {
        let scripts = crate::js::SCRIPT_EXTENSIONS
            .iter()
            .map(|e| format!("**/*.{e}"));
        let expected: Vec<String> = ["**/*.json".to_owned(), "**/*.jsonc".to_owned()]
            .into_iter()
            .chain(scripts)
            .collect();
        assert_eq!(DEFAULT_INCLUDE, expected);
    }

    proptest::proptest! {
        /// The shortcut for a plain path gives what parsing its components gives.
        #[test]
        fn without_leading_cur_dir_takes_a_plain_path_as_it_is(path in "[a./]{0,8}") {
            let path = Path::new(&path);
            let mut components = path.components();
            while components.clone().next() == Some(Component::CurDir) {
                components.next();
            }
            proptest::prop_assert_eq!(without_leading_cur_dir(path), components.as_path());
        }
    }

    /// A default glob of another form would send every walk back to globset's regexes.
    #[cfg(unix)]
    #[test]
    fn the_default_lists_are_matched_as_plain_globs() {
        assert!(DEFAULT_GLOBS.plain.is_some());
        assert!(DEFAULT_EXCLUDE_GLOBS.plain.is_some());
    }

    /// The default lists build their sets when asked, and the sets match what the plain globs
    /// match.
    #[test]
    fn the_default_lists_build_their_sets_when_asked() {
        for (list, patterns) in [
            (Globs::default_list(DEFAULT_INCLUDE), DEFAULT_INCLUDE),
            (Globs::default_list(DEFAULT_EXCLUDE), DEFAULT_EXCLUDE),
        ] {
            assert_eq!(list.set.get().is_some(), list.plain.is_none());
            assert_eq!(list.set().len(), patterns.len());
            for path in [
                "a.json",
                "web/b.jsonc",
                "node_modules/x/a.json",
                "tsconfig.json",
            ] {
                let subject = Subject::new(Path::new(path));
                assert_eq!(list.set().is_match(path), list.matches(&subject), "{path}");
            }
        }
    }

    #[test]
    fn globs_without_slash_match_anywhere() {
        let glob = compile_glob("*.bak.json").unwrap().compile_matcher();
        assert!(glob.is_match("a.bak.json"));
        assert!(glob.is_match("x/y/a.bak.json"));
        let glob = compile_glob("/top.json").unwrap().compile_matcher();
        assert!(glob.is_match("top.json"));
        assert!(!glob.is_match("x/top.json"));
        let glob = compile_glob("./legacy/*").unwrap().compile_matcher();
        assert!(glob.is_match("legacy/a.json"));
        assert!(!glob.is_match("legacy/x/a.json"));
    }
}
