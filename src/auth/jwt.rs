//! Access tokens: HS256 JWTs, algorithm pinned, `iss`, `aud`, `sub` and `exp`
//! required and checked with a small leeway. Refresh tokens are opaque random
//! strings (see `queries.rs`), so one can never pass for an access token.

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

const ISSUER: &str = "kith";
const AUDIENCE: &str = "kith-api";
const ACCESS: &str = "access";

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    sub: String,
    iat: i64,
    exp: i64,
    typ: String,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    header: Header,
    pub ttl_secs: i64,
}

impl JwtKeys {
    pub fn new(secret: &SecretString, ttl_secs: i64) -> Result<JwtKeys, String> {
        let key = secret.expose_secret().as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.leeway = 5;
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        Ok(JwtKeys {
            encoding: EncodingKey::from_secret(key).map_err(|e| format!("JWT key: {e}"))?,
            decoding: DecodingKey::from_secret(key).map_err(|e| format!("JWT key: {e}"))?,
            validation,
            header: Header::new(Algorithm::HS256),
            ttl_secs,
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
            typ: ACCESS.into(),
        };
        encode(&self.header, &claims, &self.encoding).map_err(|e| format!("jwt encode: {e}"))
    }

    /// The user id of a valid access token.
    pub fn verify(&self, token: &str) -> Option<String> {
        let data = decode::<Claims>(token, &self.decoding, &self.validation).ok()?;
        (data.claims.typ == ACCESS).then_some(data.claims.sub)
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
