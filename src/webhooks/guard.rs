//! No server-side request forgery: a webhook's URL is `http` or `https`,
//! carries no credentials, and its host is not, and does not resolve to, an
//! address inside a private network (loopback, private, shared, link-local,
//! unique-local, multicast, unspecified, reserved; IPv4-mapped, -compatible,
//! 6to4 and NAT64 forms read for the IPv4 address they carry). Checked when
//! a webhook is saved and again on the address each delivery connects to
//! (the HTTP client resolves through `Resolver`, so a name that resolves
//! elsewhere later, DNS rebinding, is caught). `KITH_WEBHOOK_ALLOW_PRIVATE`
//! lifts it, for tests and private networks.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Whether `ip` is inside a network a webhook may not reach.
pub fn forbidden(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240 // reserved
}

fn forbidden_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    let embedded_v4 = |hi: usize| {
        Ipv4Addr::new(
            (s[hi] >> 8) as u8,
            s[hi] as u8,
            (s[hi + 1] >> 8) as u8,
            s[hi + 1] as u8,
        )
    };
    if let Some(v4) = ip.to_ipv4_mapped() {
        return forbidden_v4(v4);
    }
    // IPv4-compatible (::a.b.c.d, deprecated) and NAT64 (64:ff9b::/96).
    if s[..6] == [0; 6] || s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return ip.is_unspecified() || ip.is_loopback() || forbidden_v4(embedded_v4(6));
    }
    // 6to4 (2002::/16) carries its IPv4 address in the next 32 bits.
    if s[0] == 0x2002 {
        return forbidden_v4(embedded_v4(1));
    }
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local
        || (s[0] & 0xffc0) == 0xfe80 // link local
        || (s[0] & 0xffc0) == 0xfec0 // site local (deprecated)
        || (s[0] == 0x64 && s[1] == 0xff9b) // local-use NAT64 (64:ff9b:1::/48)
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || (s[0] == 0x2001 && s[1] == 0) // Teredo
        || (s[0] == 0x0100 && s[1..4] == [0, 0, 0]) // discard-only
}

/// Why a URL may not be a webhook's, in plain language; `None` when it
/// may (its host still to be resolved and checked).
pub fn url_refusal(url: &url::Url) -> Option<&'static str> {
    if !matches!(url.scheme(), "http" | "https") {
        return Some("must be an http or https URL");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Some("must not carry a user name or password");
    }
    match url.host() {
        None => Some("must name a host"),
        Some(url::Host::Ipv4(ip)) if forbidden(IpAddr::V4(ip)) => Some(PRIVATE),
        Some(url::Host::Ipv6(ip)) if forbidden(IpAddr::V6(ip)) => Some(PRIVATE),
        _ => None,
    }
}

pub const PRIVATE: &str = "must not point into a private network (loopback, private, link-local and other internal addresses)";

/// The addresses a host resolves to, or why none may be used: every one
/// must be allowed (a name with one internal address among public ones is
/// refused as a whole).
pub async fn resolve(
    host: &str,
    port: u16,
    allow_private: bool,
) -> Result<Vec<SocketAddr>, String> {
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|_| format!("{host} does not resolve"))?
        .collect();
    if addrs.is_empty() {
        return Err(format!("{host} does not resolve"));
    }
    if !allow_private && addrs.iter().any(|a| forbidden(a.ip())) {
        return Err(PRIVATE.to_string());
    }
    Ok(addrs)
}

/// The HTTP client's resolver: a name resolves only to allowed addresses.
pub struct Resolver {
    pub allow_private: bool,
}

impl reqwest::dns::Resolve for Resolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let addrs = resolve(name.as_str(), 0, allow_private).await?;
            let addrs: reqwest::dns::Addrs = Box::new(addrs.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("an address")
    }

    #[test]
    fn internal_addresses_are_forbidden_in_every_form() {
        for s in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "100.64.0.1",
            "169.254.169.254",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "64:ff9b::10.0.0.1",
            "64:ff9b:1::1",
            "2002:7f00:1::",
        ] {
            assert!(forbidden(ip(s)), "{s} should be forbidden");
        }
        for s in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert!(!forbidden(ip(s)), "{s} should be allowed");
        }
    }

    #[actix_web::test]
    async fn names_that_resolve_inside_are_refused() {
        assert_eq!(
            resolve("localhost", 80, false).await,
            Err(PRIVATE.to_string())
        );
        assert!(resolve("localhost", 80, true).await.is_ok());
    }

    #[test]
    fn urls_are_http_without_credentials_or_internal_literals() {
        let refusal = |s: &str| url_refusal(&url::Url::parse(s).expect("a URL"));
        assert_eq!(refusal("https://hooks.example.com/kith"), None);
        assert!(refusal("ftp://example.com/").is_some());
        assert!(refusal("https://user:pw@example.com/").is_some());
        assert!(refusal("http://127.0.0.1:8080/").is_some());
        assert!(refusal("http://[::ffff:7f00:1]/").is_some());
        assert!(refusal("http://169.254.169.254/latest/meta-data").is_some());
        // A decimal or octal IPv4 host is read as the address it is.
        assert!(refusal("http://2130706433/").is_some());
        assert!(refusal("http://0177.0.0.1/").is_some());
    }
}
