//! Rate limits on the form posts, against bots and floods: per client
//! (see [`crate::client::limit_key`]) and per email address. The keyed
//! maps forget clients whose budget is whole again, so they do not grow
//! with every address that ever posted.

use std::net::IpAddr;

use app::backend::settings::LimitSettings;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Every limit the site applies.
pub struct RateLimits {
    pub sign_up_per_client: DefaultKeyedRateLimiter<IpAddr>,
    pub sign_up_per_email: DefaultKeyedRateLimiter<String>,
    pub link_per_client: DefaultKeyedRateLimiter<IpAddr>,
    /// Staff sign-in posts (asking for a code, typing it, the link's
    /// button): against guessing codes and flooding inboxes.
    pub sign_in_per_client: DefaultKeyedRateLimiter<IpAddr>,
    /// Searches the page cache does not answer: each costs a core for a
    /// few milliseconds, and a new `q` each time always misses.
    pub search_per_client: DefaultKeyedRateLimiter<IpAddr>,
}

impl RateLimits {
    pub fn new(settings: &LimitSettings) -> Self {
        let mut limits = RateLimits::with_quotas(
            Quota::per_minute(settings.sign_up_per_ip_minute),
            Quota::per_hour(settings.sign_up_per_email_hour),
            Quota::per_minute(settings.link_per_ip_minute),
        );
        limits.sign_in_per_client =
            RateLimiter::keyed(Quota::per_minute(settings.sign_in_per_ip_minute));
        limits.search_per_client =
            RateLimiter::keyed(Quota::per_minute(settings.search_per_ip_minute));
        limits
    }

    pub fn with_quotas(sign_up_client: Quota, sign_up_email: Quota, link_client: Quota) -> Self {
        RateLimits {
            sign_up_per_client: RateLimiter::keyed(sign_up_client),
            sign_up_per_email: RateLimiter::keyed(sign_up_email),
            link_per_client: RateLimiter::keyed(link_client),
            sign_in_per_client: RateLimiter::keyed(link_client),
            search_per_client: RateLimiter::keyed(link_client),
        }
    }

    /// Forgets every key whose budget is full again.
    pub fn prune(&self) {
        self.sign_up_per_client.retain_recent();
        self.sign_up_per_client.shrink_to_fit();
        self.sign_up_per_email.retain_recent();
        self.sign_up_per_email.shrink_to_fit();
        self.link_per_client.retain_recent();
        self.link_per_client.shrink_to_fit();
        self.sign_in_per_client.retain_recent();
        self.sign_in_per_client.shrink_to_fit();
        self.search_per_client.retain_recent();
        self.search_per_client.shrink_to_fit();
    }

    /// How many keys the limiters hold.
    pub fn len(&self) -> usize {
        self.sign_up_per_client.len()
            + self.sign_up_per_email.len()
            + self.link_per_client.len()
            + self.sign_in_per_client.len()
            + self.search_per_client.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU32;
    use std::time::Duration;

    use super::*;

    #[test]
    fn pruning_forgets_clients_whose_budget_is_whole_again() {
        let fast = Quota::per_second(NonZeroU32::new(1000).unwrap());
        let limits = RateLimits::with_quotas(fast, fast, fast);
        for n in 0..500u32 {
            let ip = IpAddr::from(n.to_be_bytes());
            assert!(limits.sign_up_per_client.check_key(&ip).is_ok());
            assert!(limits.link_per_client.check_key(&ip).is_ok());
        }
        assert_eq!(limits.len(), 1000);
        std::thread::sleep(Duration::from_millis(20));
        limits.prune();
        assert!(limits.is_empty(), "{} keys left", limits.len());
    }
}
