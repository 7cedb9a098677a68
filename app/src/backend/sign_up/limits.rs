//! Who may hold how much of one course: the same mailbox however it is
//! typed, and per-course limits on clients, networks and registrants,
//! counted in the database under the course's lock so they hold across
//! every server that shares it.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter};

use crate::backend::entities::sign_up;
use crate::backend::settings::SignUpSettings;
use crate::domain::error::AppError;
use crate::domain::sign_up::{SignUpStatus, ValidSignUp};

/// Providers that deliver `k.a.r.i@` to `kari@`: for them the dots are
/// folded too.
const DOTS_IGNORED: [&str; 2] = ["gmail.com", "googlemail.com"];

/// One mailbox however its address was typed, for the duplicate check and
/// the per-address limits: case folded, a `+tag` dropped (mail systems
/// deliver `kari+1@` to `kari@`), the domain as DNS reads it (Unicode
/// mapped and IDNA-encoded, so a full-width `ｅxample.no` is
/// `example.no`), and dots folded where the provider ignores them.
pub fn mailbox_key(address: &str) -> String {
    let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    let local = local.split('+').next().unwrap_or_default().to_lowercase();
    let domain = domain.trim_end_matches('.');
    let domain = idna::domain_to_ascii(domain).unwrap_or_else(|_| domain.to_lowercase());
    let domain = if domain == "googlemail.com" {
        "gmail.com".to_owned()
    } else {
        domain
    };
    let local = if DOTS_IGNORED.contains(&domain.as_str()) {
        local.replace('.', "")
    } else {
        local
    };
    format!("{local}@{domain}")
}

/// Who holds the place, for "one mailbox, one place": the participant's
/// mailbox, or the registrant's with the participant's name (a daughter
/// may sign up both her parents from her own address).
pub fn dedupe_key(form: &ValidSignUp) -> String {
    match (&form.participant_email, &form.registrant) {
        (Some(email), _) => mailbox_key(email),
        (None, Some((_, email))) => {
            format!(
                "{}|{}",
                mailbox_key(email),
                form.participant_name.to_lowercase()
            )
        }
        (None, None) => form.participant_name.to_lowercase(),
    }
}

/// Where a sign-up was posted from, as the limits count it: the client (an
/// IPv4 address, an IPv6 /64: one household or phone gets a whole /64)
/// and its network (an IPv4 /24, an IPv6 /48: what an internet provider
/// usually gives one customer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub client: String,
    pub network: String,
    v6: bool,
}

impl Origin {
    pub fn of(ip: IpAddr) -> Origin {
        match ip.to_canonical() {
            IpAddr::V4(v4) => {
                let [a, b, c, _] = v4.octets();
                Origin {
                    client: v4.to_string(),
                    network: format!("{}/24", Ipv4Addr::new(a, b, c, 0)),
                    v6: false,
                }
            }
            IpAddr::V6(v6) => {
                let s = v6.segments();
                Origin {
                    client: format!("{}/64", Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0)),
                    network: format!("{}/48", Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0)),
                    v6: true,
                }
            }
        }
    }
}

/// Refuses a sign-up when its client, network or registrant already has
/// as many active sign-ups on the course as the settings allow. Runs in
/// the course's locked transaction, before the duplicate check, so the
/// answer is the same whether or not the participant is signed up.
pub async fn check(
    txn: &DatabaseTransaction,
    course_id: i32,
    origin: Option<&Origin>,
    registrant_key: Option<&str>,
    settings: &SignUpSettings,
) -> Result<(), AppError> {
    let mut counted: Vec<(sign_up::Column, &str, u32)> = Vec::new();
    if let Some(origin) = origin {
        let per_network = if origin.v6 {
            settings.per_network_v6
        } else {
            settings.per_network_v4
        };
        counted.push((
            sign_up::Column::ClientKey,
            &origin.client,
            settings.per_client,
        ));
        counted.push((sign_up::Column::NetworkKey, &origin.network, per_network));
    }
    if let Some(key) = registrant_key {
        counted.push((sign_up::Column::RegistrantKey, key, settings.per_registrant));
    }
    for (column, key, most) in counted {
        let active = sign_up::Entity::find()
            .filter(sign_up::Column::OfferingId.eq(course_id))
            .filter(sign_up::Column::Status.is_in(SignUpStatus::ACTIVE))
            .filter(column.eq(key))
            .count(txn)
            .await?;
        if active >= u64::from(most) {
            return Err(AppError::SignUpLimit);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_mailbox_however_it_is_typed() {
        let kari = mailbox_key("kari@example.no");
        for typed in [
            "Kari@Example.no",
            "kari+1@example.no",
            "KARI+kurs+2@EXAMPLE.NO",
            "kari@ｅxample.no",
            "kari@example.no.",
        ] {
            assert_eq!(mailbox_key(typed), kari, "{typed}");
        }
        assert_eq!(
            mailbox_key("k.a.r.i+x@googlemail.com"),
            mailbox_key("kari@gmail.com")
        );
        // Elsewhere a dot is part of the name.
        assert_ne!(
            mailbox_key("k.ari@example.no"),
            mailbox_key("kari@example.no")
        );
        assert_eq!(mailbox_key("ola@bø.no"), "ola@xn--b-5ga.no");
    }

    #[test]
    fn clients_and_networks() {
        let a = Origin::of("2001:db8:1:2:aaaa::1".parse().unwrap());
        let b = Origin::of("2001:db8:1:3::2".parse().unwrap());
        assert_ne!(a.client, b.client);
        assert_eq!(a.network, b.network);
        assert_eq!(a.network, "2001:db8:1::/48");
        let v4 = Origin::of("::ffff:192.0.2.77".parse().unwrap());
        assert_eq!(v4.client, "192.0.2.77");
        assert_eq!(v4.network, "192.0.2.0/24");
    }
}
