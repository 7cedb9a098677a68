//! Who is asking: the client's address, believed from `X-Forwarded-For`
//! only through proxies the operator trusts, and the key its rate limits
//! are counted under.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap};
use governor::DefaultKeyedRateLimiter;
use ipnet::IpNet;

/// The client's address. Behind a trusted reverse proxy every request comes
/// from the proxy, which appends the address it saw to `X-Forwarded-For`;
/// the client is the rightmost address there that is not itself a trusted
/// proxy. Entries further left were written by the client and prove
/// nothing, so they are never reached. Without trusted proxies, or from an
/// untrusted peer, the TCP peer is the client.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    // A server listening on `[::]` sees an IPv4 proxy as ::ffff:10.0.0.1.
    let peer = peer.to_canonical();
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        // A trusted proxy always appends a valid address; anything else
        // means the chain is broken here, so go no further.
        let Some(ip) = parse_hop(hop) else {
            return client;
        };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client
}

/// One `X-Forwarded-For` entry: an address, perhaps with a port
/// (`203.0.113.7:51234`, `[2001:db8::1]:443`) or in brackets.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let ip = hop
        .parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            hop.strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .and_then(|h| h.parse().ok())
        })?;
    Some(ip.to_canonical())
}

/// The client's address of a request, from its connection and headers;
/// `None` without a known peer (only in-process tests).
pub fn of(extensions: &Extensions, headers: &HeaderMap, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = extensions.get::<ConnectInfo<SocketAddr>>()?.0.ip();
    Some(client_ip(peer, headers, trusted))
}

/// [`of`] for a request taken apart.
pub fn of_request(parts: &Parts, trusted: &[IpNet]) -> Option<IpAddr> {
    of(&parts.extensions, &parts.headers, trusted)
}

/// Whether the client of a request is within `limiter`'s budget, taking
/// one from it. A request without a known peer (never in production) is
/// not limited.
pub fn within(
    limiter: &DefaultKeyedRateLimiter<IpAddr>,
    extensions: &Extensions,
    headers: &HeaderMap,
    trusted: &[IpNet],
) -> bool {
    of(extensions, headers, trusted).is_none_or(|ip| limiter.check_key(&limit_key(ip)).is_ok())
}

/// What rate limits count under: an IPv4 address, or an IPv6 /64 (one
/// household or one phone gets a whole /64, and could otherwise take a new
/// address for every try).
pub fn limit_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_addresses_count_only_through_trusted_proxies() {
        let proxy: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        // No trusted proxies: the header is ignored.
        assert_eq!(
            client_ip(ip("10.0.0.1"), &headers(&["203.0.113.9"]), &[]),
            ip("10.0.0.1")
        );
        // From an untrusted peer: ignored.
        assert_eq!(
            client_ip(ip("198.51.100.7"), &headers(&["203.0.113.9"]), &proxy),
            ip("198.51.100.7")
        );
        // Through the proxy: the address it saw.
        assert_eq!(
            client_ip(ip("10.0.0.1"), &headers(&["203.0.113.9"]), &proxy),
            ip("203.0.113.9")
        );
        // A client that forges entries still gets its own address.
        assert_eq!(
            client_ip(
                ip("10.0.0.1"),
                &headers(&["1.2.3.4, 5.6.7.8", "203.0.113.9"]),
                &proxy
            ),
            ip("203.0.113.9")
        );
        // Two trusted hops.
        assert_eq!(
            client_ip(ip("10.0.0.1"), &headers(&["203.0.113.9, 10.0.0.2"]), &proxy),
            ip("203.0.113.9")
        );
        // Ports, brackets and IPv4 seen through an IPv6 socket.
        assert_eq!(
            client_ip(
                ip("::ffff:10.0.0.1"),
                &headers(&["203.0.113.9:51234"]),
                &proxy
            ),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_ip(ip("10.0.0.1"), &headers(&["[2001:db8::7]:443"]), &proxy),
            ip("2001:db8::7")
        );
        assert_eq!(
            client_ip(ip("10.0.0.1"), &headers(&["[2001:db8::7]"]), &proxy),
            ip("2001:db8::7")
        );
        // Garbage where the proxy writes: no further than the proxy.
        assert_eq!(
            client_ip(ip("10.0.0.1"), &headers(&["nonsense"]), &proxy),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        assert_eq!(
            limit_key(ip("2001:db8:1:2:aaaa::1")),
            limit_key(ip("2001:db8:1:2:bbbb::2"))
        );
        assert_ne!(
            limit_key(ip("2001:db8:1:2::1")),
            limit_key(ip("2001:db8:1:3::1"))
        );
        assert_eq!(limit_key(ip("::ffff:192.0.2.1")), ip("192.0.2.1"));
        assert_eq!(limit_key(ip("192.0.2.1")), ip("192.0.2.1"));
    }
}
