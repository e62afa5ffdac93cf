//! A photo's bytes checked by decoding them whole (a header alone proves
//! nothing), and its square thumbnails, with the `image` crate. No
//! database here; this is CPU work, run off the actix workers.

use std::io::Cursor;

use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, ImageReader, Limits};

/// The largest photo taken, in bytes.
pub const MAX_PHOTO_BYTES: usize = 2 << 20;

/// The thumbnail sizes, in pixels a side, largest first.
pub const SIZES: [i32; 3] = [256, 128, 64];

/// The largest side decoded: a photo of a person needs no more, and a
/// small file that claims a huge image is refused before it is allocated.
const MAX_SIDE: u32 = 12_000;

/// A photo as kept: the original and its thumbnails, each with its media
/// type, and a short hash of the original (its `ETag`).
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    pub content_type: &'static str,
    pub original: Vec<u8>,
    pub thumbnails: Vec<(i32, &'static str, Vec<u8>)>,
    pub hash: String,
}

/// Why bytes are not a photo kith takes.
#[derive(Debug, PartialEq)]
pub enum Refused {
    /// A media type other than JPEG, PNG or WebP.
    MediaType,
    /// Bytes that are not a whole image of the media type given.
    NotAnImage(String),
}

/// The media types taken, and the format each is decoded as.
pub fn format_of(content_type: &str) -> Option<(ImageFormat, &'static str)> {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    match essence.to_ascii_lowercase().as_str() {
        "image/jpeg" => Some((ImageFormat::Jpeg, "image/jpeg")),
        "image/png" => Some((ImageFormat::Png, "image/png")),
        "image/webp" => Some((ImageFormat::WebP, "image/webp")),
        _ => None,
    }
}

/// Checks that `bytes` are a whole image of `content_type` and makes its
/// thumbnails (JPEG for a JPEG photo, PNG otherwise, so that transparency
/// stays).
pub fn process(content_type: &str, bytes: Vec<u8>) -> Result<Photo, Refused> {
    let (format, media_type) = format_of(content_type).ok_or(Refused::MediaType)?;
    let found = image::guess_format(&bytes).ok();
    if found != Some(format) {
        return Err(Refused::NotAnImage(format!(
            "the bytes are not {media_type} (their signature says {})",
            found.map_or("nothing known", |f| f.to_mime_type())
        )));
    }
    if format == ImageFormat::Jpeg && !jpeg_ends(&bytes) {
        return Err(Refused::NotAnImage(
            "the JPEG is cut short: its image data has no end marker".into(),
        ));
    }
    let mut reader = ImageReader::with_format(Cursor::new(&bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(256 << 20);
    reader.limits(limits);
    let img = reader
        .decode()
        .map_err(|e| Refused::NotAnImage(format!("the image does not decode: {e}")))?;
    let (thumb_format, thumb_type) = match format {
        ImageFormat::Jpeg => (ImageFormat::Jpeg, "image/jpeg"),
        _ => (ImageFormat::Png, "image/png"),
    };
    let mut thumbnails = Vec::with_capacity(SIZES.len());
    let mut source: DynamicImage = img;
    for size in SIZES {
        let side = size as u32;
        let thumb = source.resize_to_fill(side, side, FilterType::Triangle);
        let thumb = match thumb_format {
            // JPEG has no alpha channel.
            ImageFormat::Jpeg => DynamicImage::ImageRgb8(thumb.to_rgb8()),
            _ => thumb,
        };
        let mut out = Cursor::new(Vec::new());
        thumb
            .write_to(&mut out, thumb_format)
            .map_err(|e| Refused::NotAnImage(format!("no thumbnail could be made: {e}")))?;
        thumbnails.push((size, thumb_type, out.into_inner()));
        // Each smaller one from the one before: the same result, less work.
        source = thumb;
    }
    let hash = crate::ids::sha256_hex(&bytes)[..16].to_string();
    Ok(Photo {
        content_type: media_type,
        original: bytes,
        thumbnails,
        hash,
    })
}

/// Whether a JPEG's last scan is followed by its end marker (`FF D9`).
/// The decoder fills a file cut short with grey rather than failing, so
/// this is checked here. (A marker cannot occur inside scan data, where
/// every `FF` is followed by `00`; an embedded thumbnail's end comes before
/// the main image's scans.)
fn jpeg_ends(bytes: &[u8]) -> bool {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    last_scan.is_some_and(|at| bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            w,
            h,
            image::Rgba([200, 30, 30, 128]),
        ));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).expect("encodes");
        out.into_inner()
    }

    #[test]
    fn a_photo_gets_square_thumbnails_of_each_size() {
        let p = process("image/png", png(300, 120)).expect("a photo");
        assert_eq!(p.content_type, "image/png");
        assert_eq!(p.hash.len(), 16);
        for (size, media_type, bytes) in &p.thumbnails {
            assert_eq!(*media_type, "image/png");
            let t = image::load_from_memory(bytes).expect("decodes");
            assert_eq!((t.width(), t.height()), (*size as u32, *size as u32));
        }
    }

    #[test]
    fn bytes_that_are_not_the_image_they_claim_are_refused() {
        let mut cut = png(40, 40);
        cut.truncate(cut.len() / 2);
        assert!(matches!(
            process("image/png", cut),
            Err(Refused::NotAnImage(_))
        ));
        assert!(matches!(
            process("image/jpeg", png(4, 4)),
            Err(Refused::NotAnImage(_))
        ));
        let mut jpeg = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(image::RgbImage::new(64, 64))
            .write_to(&mut jpeg, ImageFormat::Jpeg)
            .expect("encodes");
        let jpeg = jpeg.into_inner();
        assert!(process("image/jpeg", jpeg.clone()).is_ok());
        let cut = jpeg[..jpeg.len() - 10].to_vec();
        assert!(matches!(
            process("image/jpeg", cut),
            Err(Refused::NotAnImage(_))
        ));
        assert_eq!(
            process("image/gif", png(4, 4)).unwrap_err(),
            Refused::MediaType
        );
    }
}
