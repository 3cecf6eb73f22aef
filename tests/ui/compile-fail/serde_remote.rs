// `remote` and `getter` describe another crate's type: derive `Validate` on a type of your own.
use share_schema::Validate;

mod other {
    pub struct Point {
        x: i32,
    }
    impl Point {
        pub fn x(&self) -> i32 {
            self.x
        }
    }
}

#[derive(serde::Deserialize, Validate)]
#[serde(remote = "other::Point")]
struct PointDef {
    #[serde(getter = "other::Point::x")]
    x: i32,
}

impl From<PointDef> for other::Point {
    fn from(_: PointDef) -> Self {
        unimplemented!()
    }
}

fn main() {}
