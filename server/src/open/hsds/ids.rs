//! Identifiers. HSDS wants UUIDs; ours are version 8 (RFC 9562's layout
//! for vendors): "tref", what the thing is, then our row's number. They
//! are stable, and read back without a table of them.

/// What an identifier names.
#[derive(Clone, Copy)]
pub enum Kind {
    Service = 1,
    Organization = 2,
    Location = 3,
    Schedule = 4,
    ServiceAtLocation = 5,
    CostOption = 6,
    Address = 7,
    Contact = 8,
    Phone = 9,
    Attribute = 10,
    Accessibility = 11,
    Identifier = 12,
    Session = 13,
}

pub fn uuid(kind: Kind, n: u64) -> String {
    format!(
        "74726566-{:04x}-8000-8000-{:012x}",
        kind as u16,
        n & 0xffff_ffff_ffff
    )
}

/// The row number in `id`, if it is ours and of `kind`.
pub fn row_of(kind: Kind, id: &str) -> Option<i32> {
    let rest = id.strip_prefix(&format!("74726566-{:04x}-8000-8000-", kind as u16))?;
    if rest.len() != 12 {
        return None;
    }
    i64::from_str_radix(rest, 16)
        .ok()
        .and_then(|n| i32::try_from(n).ok())
}

pub fn row_id(n: i32) -> u64 {
    u64::try_from(n).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_uuids_that_read_back() {
        let id = uuid(Kind::Service, 123);
        assert_eq!(id, "74726566-0001-8000-8000-00000000007b");
        assert_eq!(id.len(), 36);
        assert_eq!(row_of(Kind::Service, &id), Some(123));
        assert_eq!(row_of(Kind::Location, &id), None, "another kind's");
        assert_eq!(row_of(Kind::Service, "74726566-0001-8000-8000-zz"), None);
        assert_eq!(row_of(Kind::Service, "sterk-og-stodig"), None);
    }
}
