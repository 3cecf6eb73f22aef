// A `validate_only` type is never read from JSON: it has no `$schema` key to allow, and a type
// that is read cannot hold it as a field.
use share_schema::Validate;

#[derive(Validate)]
#[share(validate_only, schema_key)]
struct Both {
    name: String,
}

#[derive(Validate)]
#[share(validate_only)]
struct Session {
    started: std::time::Instant,
}

#[derive(Validate)]
struct Readable {
    session: Session,
}

fn main() {}
