// An aspect ratio is written "w:h".
use share_schema::Validate;

#[derive(Validate)]
struct Card {
    #[share(aspect_ratio = "5x4")]
    thumb_image: String,
}

fn main() {}
