//! Identifiers and secrets.

use base64::Engine;
use sha2::{Digest, Sha256};

/// A new resource id: a UUIDv7 (time-ordered, so inserts stay local in indexes).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A request id: a UUIDv7 whose random part comes from the thread's
/// generator (seeded by the operating system once), not from a system call
/// per request. Unlike `new_id`, not monotonic within a millisecond.
pub fn request_id() -> uuid::Uuid {
    let millis = (crate::time::now() / 1000).max(0) as u64;
    uuid::Builder::from_unix_timestamp_millis(millis, &rand::random::<[u8; 10]>()).into_uuid()
}

/// `n` random bytes from the operating system's generator.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    rand::fill(&mut buf[..]);
    buf
}

/// A random URL-safe secret of `n` bytes of entropy.
pub fn random_secret(n: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes(n))
}

/// SHA-256 in hex: how bearer secrets (refresh tokens, feed secrets) are
/// stored, so a database leak does not leak usable credentials.
pub fn sha256_hex(data: &[u8]) -> String {
    let digest = Sha256::digest(data);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}
