//! Plain globs: the glob forms the default lists use (`**/*.json`, `**/tsconfig*.json`,
//! `node_modules/**`), matched on a path's bytes without a regex.
//!
//! A directory walk with no configuration matches every file it finds against
//! [`DEFAULT_INCLUDE`](super::DEFAULT_INCLUDE) and [`DEFAULT_EXCLUDE`](super::DEFAULT_EXCLUDE).
//! `globset` runs a regex for each glob with a wildcard inside a name (four per JSON file): on
//! 10,000 files, matching the default globs took 41 M of the walk's 70 M instructions (15 M of
//! them in the regexes), on the main thread before any file is linted (BENCHMARKS.md, issue
//! 14's ninth session). A list whose globs all have one of the forms below is matched here
//! instead; any other list (`[files]` globs with `?`, classes, alternatives, `**` inside, or a
//! `.` or `..` name) is matched by `globset` as before. The globs keep `globset`'s meaning,
//! which the tests check against `globset` itself on generated globs and paths, non-UTF-8 ones
//! included.

use crate::bytes::{order, same};

/// One plain glob, as [`super::globs`] normalizes it (`./` and a leading `/` removed, a glob
/// without `/` prefixed with `**/`), with `*` matching within one name (`literal_separator`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum PlainGlob {
    /// `**/NAME`: the path's last name matches `NAME`, literals and `*` (`globset`'s
    /// basename strategies).
    Name(Wildcards),
    /// `DIR/**`, `DIR` literal: every path below `DIR/` (`globset`'s prefix strategy).
    Below(Vec<u8>),
    /// A literal path.
    Exact(Vec<u8>),
}

/// A name pattern: literals separated by `*`s (`parts.len()` is one more than the stars).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Wildcards {
    parts: Vec<Vec<u8>>,
}

/// The bytes `globset` gives a meaning other than themselves (`\` escapes on Unix).
const SPECIAL: &[u8] = b"?[]{}\\";

impl PlainGlob {
    /// `glob` (normalized) as a plain glob, or `None` when it has another form.
    pub(super) fn parse(glob: &str) -> Option<Self> {
        let bytes = glob.as_bytes();
        if bytes.is_empty() || bytes.iter().any(|b| SPECIAL.contains(b)) {
            return None;
        }
        let names: Vec<&[u8]> = bytes.split(|&b| b == b'/').collect();
        // An empty name (`a//b`, `/a`, `a/`), or `.` or `..` (whose meaning globset's
        // strategies and regexes do not share), is left to globset.
        if names
            .iter()
            .any(|n| n.is_empty() || *n == b"." || *n == b"..")
        {
            return None;
        }
        let literal = |n: &[u8]| !n.contains(&b'*');
        match names.as_slice() {
            [b"**", name] if !name.windows(2).any(|w| w == b"**") => {
                Some(PlainGlob::Name(Wildcards {
                    parts: name.split(|&b| b == b'*').map(<[u8]>::to_vec).collect(),
                }))
            }
            [dirs @ .., b"**"] if !dirs.is_empty() && dirs.iter().all(|n| literal(n)) => {
                // `DIR/` with its slash: `DIR/**` matches what is below `DIR`.
                Some(PlainGlob::Below(bytes[..bytes.len() - 2].to_vec()))
            }
            names if names.iter().all(|n| literal(n)) => Some(PlainGlob::Exact(bytes.to_vec())),
            _ => None,
        }
    }

    /// Whether the glob matches `path`, its bytes `/`-separated, whose last name is `name`
    /// ([`last_name`]: found once for all the globs of a list).
    pub(super) fn is_match(&self, path: &[u8], name: &[u8]) -> bool {
        match self {
            PlainGlob::Name(wildcards) => wildcards.is_match(name),
            PlainGlob::Below(dir) => path.get(..dir.len()).is_some_and(|start| same(start, dir)),
            PlainGlob::Exact(exact) => same(path, exact),
        }
    }
}

/// A list of plain globs, matched as one: the globs of a literal name (`**/package.json`, most of
/// the default exclude list) are found by a binary search on the name, the others are tried in
/// turn. Trying each of the 25 default excludes took 1,400 instructions a file, on the walk's
/// thread (BENCHMARKS.md, issue 14's tenth session).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PlainList {
    /// The literal names, sorted.
    names: Box<[Vec<u8>]>,
    /// The other globs.
    others: Box<[PlainGlob]>,
}

impl PlainList {
    /// `globs` (normalized) as one list, or `None` when one of them is not plain.
    pub(super) fn parse<'g>(globs: impl IntoIterator<Item = &'g str>) -> Option<Self> {
        let mut names = Vec::new();
        let mut others = Vec::new();
        for glob in globs {
            match PlainGlob::parse(glob)? {
                PlainGlob::Name(Wildcards { parts }) if parts.len() == 1 => {
                    names.extend(parts);
                }
                other => others.push(other),
            }
        }
        names.sort_unstable();
        Some(PlainList {
            names: names.into(),
            others: others.into(),
        })
    }

    /// Whether a glob of the list matches `path`, whose last name is `name` (as
    /// [`PlainGlob::is_match`]).
    pub(super) fn is_match(&self, path: &[u8], name: &[u8]) -> bool {
        self.names.binary_search_by(|n| order(n, name)).is_ok()
            || self.others.iter().any(|g| g.is_match(path, name))
    }
}

/// The last name of `path` (after its last `/`), and whether it has a `/` (a parent). A byte
/// loop: a walk's paths are short, and `memrchr` costs more to start than this to finish.
pub(super) fn last_name(path: &[u8]) -> (&[u8], bool) {
    match path.iter().rposition(|&b| b == b'/') {
        Some(i) => (&path[i + 1..], true),
        None => (path, false),
    }
}

impl Wildcards {
    /// Whether `name` (no `/`) matches: the first part starts it, the last ends it, and the
    /// middle ones come in order between, each at its leftmost place (which is enough for `*`).
    fn is_match(&self, name: &[u8]) -> bool {
        let [first, middle @ .., last] = self.parts.as_slice() else {
            return self.parts.first().is_some_and(|only| same(name, only));
        };
        if name.len() < first.len() + last.len()
            || !same(&name[..first.len()], first)
            || !same(&name[name.len() - last.len()..], last)
        {
            return false;
        }
        let mut rest = &name[first.len()..name.len() - last.len()];
        for part in middle {
            match memchr::memmem::find(rest, part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn matches(glob: &PlainGlob, path: &[u8]) -> bool {
        glob.is_match(path, last_name(path).0)
    }

    fn glob(text: &str) -> PlainGlob {
        PlainGlob::parse(text).unwrap_or_else(|| panic!("{text} is plain"))
    }

    #[test]
    fn the_forms_of_the_default_lists_are_plain() {
        assert!(matches!(glob("**/*.json"), PlainGlob::Name(_)));
        assert!(matches!(glob("**/package.json"), PlainGlob::Name(_)));
        assert!(matches!(glob("**/tsconfig*.json"), PlainGlob::Name(_)));
        assert_eq!(
            glob("node_modules/**"),
            PlainGlob::Below(b"node_modules/".to_vec())
        );
        assert_eq!(glob("a/b.json"), PlainGlob::Exact(b"a/b.json".to_vec()));
        for other in [
            "**/*.{js,ts}",
            "**/a?.json",
            "**/[ab].json",
            "a/**/b.json",
            "a/*/b.json",
            "**/a**b",
            "**",
            "**/**",
            "a//b",
            "a\\*",
            "**/..",
            "a/./b",
            "",
        ] {
            assert_eq!(PlainGlob::parse(other), None, "{other}");
        }
    }

    #[test]
    fn names_match_literals_and_stars_within_the_last_name() {
        let tsconfig = glob("**/tsconfig*.json");
        assert!(matches(&tsconfig, b"tsconfig.json"));
        assert!(matches(&tsconfig, b"web/tsconfig.build.json"));
        assert!(!matches(&tsconfig, b"tsconfig/x.json"));
        assert!(!matches(&tsconfig, b"my-tsconfig.json"));
        // The first and last parts may not overlap.
        let ab = glob("**/ab*ba");
        assert!(matches(&ab, b"aba/abba"));
        assert!(!matches(&ab, b"aba"));
        assert!(matches(&glob("**/*"), b""));
        let below = glob("node_modules/**");
        assert!(matches(&below, b"node_modules/a/b.json"));
        assert!(!matches(&below, b"node_modules"));
        assert!(!matches(&below, b"x/node_modules/a.json"));
    }

    /// A glob of the plain forms, from a small alphabet so that parts recur.
    fn plain_glob() -> impl Strategy<Value = String> {
        let name = "[ab.*]{1,6}";
        prop_oneof![
            name.prop_map(|n| format!("**/{n}")),
            "[ab.]{1,3}(/[ab.]{1,3}){0,2}".prop_map(|d| format!("{d}/**")),
            "[ab.]{1,3}(/[ab.]{1,3}){0,2}",
        ]
        .prop_filter("a plain glob", |g| PlainGlob::parse(g).is_some())
    }

    /// A path as a walk gives one, as bytes: names neither empty nor `.` or `..`, of bytes that
    /// include a line feed and one that is not UTF-8, maybe absolute (a file outside the
    /// configuration's directory is matched by its absolute path).
    fn path() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop::sample::select(vec![b'a', b'b', b'.', b'*', b'\n', 0xff]);
        let name = prop::collection::vec(byte, 1..5)
            .prop_filter("a real name", |n| n != b"." && n != b"..");
        (any::<bool>(), prop::collection::vec(name, 1..5)).prop_map(|(absolute, names)| {
            let mut path = if absolute { b"/".to_vec() } else { Vec::new() };
            path.extend(names.join(&b'/'));
            path
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Every plain glob matches what globset, compiled as the configuration compiles it,
        /// matches, on paths of any bytes.
        #[test]
        fn plain_globs_match_what_globset_matches(
            text in plain_glob(),
            paths in prop::collection::vec(path(), 1..21),
        ) {
            let plain = PlainGlob::parse(&text).expect("generated plain");
            let set = globset::GlobBuilder::new(&text)
                .literal_separator(true)
                .build()
                .unwrap();
            let mut builder = globset::GlobSetBuilder::new();
            builder.add(set);
            let set = builder.build().unwrap();
            for path in &paths {
                prop_assert_eq!(
                    plain.is_match(path, last_name(path).0),
                    set.is_match_candidate(&globset::Candidate::from_bytes(path)),
                    "{} against {:?}", text, String::from_utf8_lossy(path)
                );
            }
        }

        /// A list matches where one of its globs matches.
        #[test]
        fn a_list_matches_where_one_of_its_globs_matches(
            texts in prop::collection::vec(plain_glob(), 0..8),
            paths in prop::collection::vec(path(), 1..21),
        ) {
            let list = PlainList::parse(texts.iter().map(String::as_str)).expect("plain");
            let globs: Vec<PlainGlob> =
                texts.iter().map(|t| PlainGlob::parse(t).expect("plain")).collect();
            for path in &paths {
                let name = last_name(path).0;
                prop_assert_eq!(
                    list.is_match(path, name),
                    globs.iter().any(|g| g.is_match(path, name)),
                    "{:?} against {:?}", texts, String::from_utf8_lossy(path)
                );
            }
        }
    }
}
