//! Access tokens: HS256 JWTs, algorithm pinned, `iss`, `aud`, `sub` and `exp`
//! required and checked with a small leeway. Refresh tokens are opaque random
//! strings (see `service.rs`), so one can never pass for an access token.

use std::collections::HashMap;
use std::sync::Mutex;

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::Digest;

const ISSUER: &str = "kith";
const AUDIENCE: &str = "kith-api";
const ACCESS: &str = "access";
const LEEWAY_SECS: i64 = 5;
/// Tokens remembered as verified; the memory is emptied when it is full.
const VERIFIED_CAPACITY: usize = 4096;

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    sub: String,
    iat: i64,
    exp: i64,
    /// Not before: kith does not set it, but honours it when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nbf: Option<i64>,
    typ: String,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    header: Header,
    pub ttl_secs: i64,
    /// What refresh tokens' successors are derived with (see
    /// `auth::service::successor`): an HMAC keyed from the same secret, for
    /// another use.
    pub refresh_mac: hmac::Hmac<sha2::Sha256>,
    /// Tokens this process has verified: token → (user id, expiry). A client
    /// sends the same token for its whole life, so the signature check and
    /// the JSON parsing run once per token, not once per request. Keys are
    /// whole tokens in a hash map with a random hash key, so a forged token
    /// can only be answered by running the full check.
    verified: Mutex<HashMap<Box<str>, Verified>>,
}

/// A verified token's user id and expiry (seconds since the epoch).
type Verified = (Box<str>, i64);

impl JwtKeys {
    pub fn new(secret: &SecretString, ttl_secs: i64) -> Result<JwtKeys, String> {
        let key = secret.expose_secret().as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.leeway = LEEWAY_SECS as u64;
        validation.validate_nbf = true;
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        Ok(JwtKeys {
            encoding: EncodingKey::from_secret(key).map_err(|e| format!("JWT key: {e}"))?,
            decoding: DecodingKey::from_secret(key).map_err(|e| format!("JWT key: {e}"))?,
            validation,
            header: Header::new(Algorithm::HS256),
            ttl_secs,
            refresh_mac: <hmac::Hmac<sha2::Sha256> as hmac::KeyInit>::new_from_slice(
                &sha2::Sha256::new()
                    .chain_update(b"kith refresh successor\0")
                    .chain_update(key)
                    .finalize(),
            )
            .map_err(|e| format!("refresh key: {e}"))?,
            verified: Mutex::new(HashMap::new()),
        })
    }

    /// A signed access token for `user_id`, valid `ttl_secs` from `now`.
    pub fn issue(&self, user_id: &str, now: i64) -> Result<String, String> {
        let claims = Claims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: user_id.into(),
            iat: now,
            exp: now + self.ttl_secs,
            nbf: None,
            typ: ACCESS.into(),
        };
        encode(&self.header, &claims, &self.encoding).map_err(|e| format!("jwt encode: {e}"))
    }

    /// The user id of a valid access token.
    pub fn verify(&self, token: &str) -> Option<String> {
        self.verify_at(token, chrono::Utc::now().timestamp())
    }

    fn verify_at(&self, token: &str, now: i64) -> Option<String> {
        let fresh = |exp: i64| now <= exp + LEEWAY_SECS;
        if let Ok(verified) = self.verified.lock() {
            if let Some((sub, exp)) = verified.get(token) {
                return fresh(*exp).then(|| sub.to_string());
            }
        }
        let data = decode::<Claims>(token, &self.decoding, &self.validation).ok()?;
        let claims = data.claims;
        // Not yet valid (`nbf`), or issued in the future (`iat`): refused,
        // with the same leeway as `exp`.
        let started = |t: i64| t <= now + LEEWAY_SECS;
        if claims.typ != ACCESS
            || !fresh(claims.exp)
            || !started(claims.iat)
            || !claims.nbf.is_none_or(started)
        {
            return None;
        }
        if let Ok(mut verified) = self.verified.lock() {
            if verified.len() >= VERIFIED_CAPACITY {
                verified.clear();
            }
            verified.insert(token.into(), (claims.sub.as_str().into(), claims.exp));
        }
        Some(claims.sub)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(secret: &str) -> JwtKeys {
        JwtKeys::new(&SecretString::from(secret.to_string()), 900).unwrap()
    }

    #[test]
    fn a_token_round_trips_to_its_user() {
        let k = keys("0123456789abcdef0123456789abcdef");
        let now = chrono::Utc::now().timestamp();
        let t = k.issue("user-1", now).unwrap();
        assert_eq!(k.verify(&t).as_deref(), Some("user-1"));
    }

    #[test]
    fn an_expired_token_is_refused() {
        let k = keys("0123456789abcdef0123456789abcdef");
        let long_ago = chrono::Utc::now().timestamp() - 3600;
        let t = k.issue("user-1", long_ago).unwrap();
        assert_eq!(k.verify(&t), None);
    }

    #[test]
    fn a_token_not_yet_valid_or_issued_in_the_future_is_refused() {
        let k = keys("0123456789abcdef0123456789abcdef");
        let now = chrono::Utc::now().timestamp();
        let signed = |iat: i64, nbf: Option<i64>| {
            let claims = Claims {
                iss: ISSUER.into(),
                aud: AUDIENCE.into(),
                sub: "user-1".into(),
                iat,
                exp: now + 900,
                nbf,
                typ: ACCESS.into(),
            };
            encode(&k.header, &claims, &k.encoding).unwrap()
        };
        assert_eq!(
            k.verify(&signed(now, Some(now + 3600))),
            None,
            "nbf an hour ahead"
        );
        assert_eq!(
            k.verify(&signed(now + 3600, None)),
            None,
            "iat an hour ahead"
        );
        assert_eq!(
            k.verify(&signed(now + LEEWAY_SECS, Some(now + LEEWAY_SECS)))
                .as_deref(),
            Some("user-1"),
            "within the leeway"
        );
        assert_eq!(
            k.verify(&signed(now - 60, Some(now - 60))).as_deref(),
            Some("user-1")
        );
    }

    #[test]
    fn a_remembered_token_still_expires() {
        let k = keys("0123456789abcdef0123456789abcdef");
        let now = chrono::Utc::now().timestamp();
        let t = k.issue("user-1", now).unwrap();
        assert_eq!(k.verify_at(&t, now).as_deref(), Some("user-1"));
        // Now answered from memory: right until its expiry, refused after.
        assert_eq!(k.verify_at(&t, now + 900).as_deref(), Some("user-1"));
        assert_eq!(k.verify_at(&t, now + 900 + LEEWAY_SECS + 1), None);
    }

    #[test]
    fn a_tampered_copy_of_a_remembered_token_is_refused() {
        let k = keys("0123456789abcdef0123456789abcdef");
        let now = chrono::Utc::now().timestamp();
        let t = k.issue("user-1", now).unwrap();
        assert!(k.verify_at(&t, now).is_some());
        let mut tampered = t.clone();
        let last = tampered.pop().unwrap();
        tampered.push(if last == 'A' { 'B' } else { 'A' });
        assert_eq!(k.verify_at(&tampered, now), None);
    }

    #[test]
    fn a_token_signed_with_another_key_is_refused() {
        let now = chrono::Utc::now().timestamp();
        let t = keys("another-key-another-key-another-key")
            .issue("u", now)
            .unwrap();
        assert_eq!(keys("0123456789abcdef0123456789abcdef").verify(&t), None);
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        // {"alg":"none"} with valid-looking claims and no signature.
        let header = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0";
        let claims = "eyJpc3MiOiJraXRoIiwiYXVkIjoia2l0aC1hcGkiLCJzdWIiOiJ1IiwiaWF0IjoxLCJleHAiOjQxMDI0NDQ4MDAsInR5cCI6ImFjY2VzcyJ9";
        let k = keys("0123456789abcdef0123456789abcdef");
        assert_eq!(k.verify(&format!("{header}.{claims}.")), None);
    }
}
