//! The user type of the `user_type` benches, written once for both (the same rules with this
//! workspace's derive and with garde's, so the comparison is of the same checks).

/// The user type, with this workspace's derive.
#[derive(serde::Deserialize, share_schema::Validate)]
#[allow(dead_code)] // read by validate() only
pub struct Signup {
    #[share(range(min = 13, max = 130))]
    age: u8,
    #[share(email)]
    email: String,
    #[share(length(chars, min = 3, max = 32))]
    name: String,
    #[share(inner(length(chars, max = 20)), length(max = 10))]
    tags: Vec<String>,
}

/// The same rules with `garde`.
#[derive(serde::Deserialize, garde::Validate)]
#[allow(dead_code)] // read by validate() only
pub struct GardeSignup {
    #[garde(range(min = 13, max = 130))]
    age: u8,
    #[garde(email)]
    email: String,
    #[garde(length(chars, min = 3, max = 32))]
    name: String,
    #[garde(inner(length(chars, max = 20)), length(max = 10))]
    tags: Vec<String>,
}
