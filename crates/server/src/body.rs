//! Reading request bodies within limits: media type, size, time, JSON depth.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap};
use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use tokio::sync::Semaphore;
use tokio::time::Instant;

use crate::error::ApiError;

/// Checks that the request declares `expected` (parameters such as
/// `charset` are allowed) as its media type.
pub fn require_media_type(headers: &HeaderMap, expected: &'static str) -> Result<(), ApiError> {
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match declared {
        Some(t) if t == expected => Ok(()),
        _ => Err(ApiError::UnsupportedMediaType { expected }),
    }
}

/// Memory for request bodies held at once, over all requests, counted in
/// KiB and taken as the bytes arrive (never for a declared length before
/// anything came: a client that declares 64 MB and sends nothing holds nothing).
#[derive(Debug)]
pub struct BodyBudget {
    kib: Semaphore,
    total_kib: usize,
}

impl BodyBudget {
    /// A budget of `bytes` (at least 1 KiB).
    pub fn new(bytes: usize) -> BodyBudget {
        let total_kib = (bytes / 1024).clamp(1, Semaphore::MAX_PERMITS);
        BodyBudget {
            kib: Semaphore::new(total_kib),
            total_kib,
        }
    }

    /// KiB not taken by any body now.
    #[cfg(test)]
    pub fn available_kib(&self) -> usize {
        self.kib.available_permits()
    }
}

/// The part of the [`BodyBudget`] one body holds; given back when dropped.
#[derive(Debug)]
pub struct Reservation<'a> {
    budget: &'a BodyBudget,
    kib: usize,
}

impl Reservation<'_> {
    /// Grows the reservation to cover `bytes`, waiting at most `wait` for
    /// others to give memory back (then `503 server-busy`).
    async fn cover(&mut self, bytes: usize, wait: Duration) -> Result<(), ApiError> {
        let needed = bytes.div_ceil(1024).min(self.budget.total_kib);
        let more = needed.saturating_sub(self.kib);
        if more == 0 {
            return Ok(());
        }
        let more32 = u32::try_from(more).unwrap_or(u32::MAX);
        let permit = tokio::time::timeout(wait, self.budget.kib.acquire_many(more32))
            .await
            .map_err(|_| ApiError::Busy)?
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        // Counted in `self.kib` and given back in `drop`.
        permit.forget();
        self.kib += more;
        Ok(())
    }
}

impl Drop for Reservation<'_> {
    fn drop(&mut self) {
        self.budget.kib.add_permits(self.kib);
    }
}

/// How fast a body must arrive.
#[derive(Debug, Clone, Copy)]
pub struct BodyPace {
    /// Head start before the rate applies.
    pub head_start: Duration,
    /// Slowest average rate from the start, bytes per second.
    pub min_rate: usize,
    /// Longest wait for memory held by other requests.
    pub memory_wait: Duration,
}

impl BodyPace {
    /// When `received` bytes have come, the next ones must come before this
    /// moment: the deadline moves only as data arrives, so a client that
    /// stops sending is cut off within the head start.
    fn deadline(&self, start: Instant, received: usize) -> Instant {
        let rate = self.min_rate.max(1) as f64;
        start + self.head_start + Duration::from_secs_f64(received as f64 / rate)
    }
}

/// Reads the whole body, refusing more than `limit` bytes (early on a
/// declared Content-Length, else while reading) and a client slower than
/// `pace`; the memory it holds is taken from `budget` as it arrives and
/// stays reserved until the returned [`Reservation`] is dropped.
pub async fn read_limited<'b>(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
    budget: &'b BodyBudget,
    pace: BodyPace,
) -> Result<(Bytes, Reservation<'b>), ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::BodyTooLarge { limit });
    }
    let start = Instant::now();
    let mut reservation = Reservation { budget, kib: 0 };
    let mut body = body;
    let mut received = BytesMut::new();
    loop {
        let deadline = pace.deadline(start, received.len());
        let frame = match tokio::time::timeout_at(deadline, body.frame()).await {
            Err(_) => return Err(ApiError::RequestTimeout),
            Ok(None) => break,
            Ok(Some(Ok(frame))) => frame,
            // The connection broke or the body was malformed; nobody reads the answer.
            Ok(Some(Err(_))) => return Err(ApiError::RequestTimeout),
        };
        let Ok(data) = frame.into_data() else {
            continue; // trailers: nothing to keep
        };
        let total = received.len() + data.len();
        if total > limit {
            return Err(ApiError::BodyTooLarge { limit });
        }
        reservation.cover(total, pace.memory_wait).await?;
        received.extend_from_slice(&data);
    }
    Ok((received.freeze(), reservation))
}

/// Request bodies in progress per client address.
#[derive(Debug, Default)]
pub struct UploadSlots {
    in_progress: Mutex<HashMap<IpAddr, usize>>,
}

/// One upload in progress; the slot is free again when dropped.
#[derive(Debug)]
pub struct UploadSlot<'a> {
    slots: &'a UploadSlots,
    addr: IpAddr,
}

impl UploadSlots {
    /// Takes a slot for `addr`, or refuses when it already has `max` uploads.
    pub fn enter(&self, addr: IpAddr, max: usize) -> Result<UploadSlot<'_>, ApiError> {
        let mut map = self
            .in_progress
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let n = map.entry(addr).or_insert(0);
        if *n >= max.max(1) {
            return Err(ApiError::TooManyUploads { max: max.max(1) });
        }
        *n += 1;
        Ok(UploadSlot { slots: self, addr })
    }
}

impl Drop for UploadSlot<'_> {
    fn drop(&mut self) {
        let mut map = self
            .slots
            .in_progress
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(n) = map.get_mut(&self.addr) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.addr);
            }
        }
    }
}

/// Checks that JSON text nests no deeper than `limit`, without parsing it:
/// one pass over the bytes, counting `[`/`{` outside strings. Malformed JSON
/// passes (the parser reports it with a line and column).
pub fn check_depth(text: &[u8], limit: usize) -> Result<(), ApiError> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in text {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Err(ApiError::JsonTooDeep { limit });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_gets_a_bounded_number_of_upload_slots() {
        let slots = UploadSlots::default();
        let a: IpAddr = [127, 0, 0, 1].into();
        let b: IpAddr = [127, 0, 0, 2].into();
        let first = slots.enter(a, 2).expect("first");
        let _second = slots.enter(a, 2).expect("second");
        assert!(matches!(
            slots.enter(a, 2),
            Err(ApiError::TooManyUploads { max: 2 })
        ));
        assert!(
            slots.enter(b, 2).is_ok(),
            "another address has its own slots"
        );
        drop(first);
        assert!(
            slots.enter(a, 2).is_ok(),
            "a finished upload frees its slot"
        );
    }

    #[tokio::test]
    async fn memory_is_taken_as_bytes_arrive_and_given_back() {
        let budget = BodyBudget::new(64 * 1024);
        let pace = BodyPace {
            head_start: Duration::from_secs(1),
            min_rate: 1024,
            memory_wait: Duration::from_millis(50),
        };
        let mut headers = HeaderMap::new();
        // A declared length far above what comes does not reserve anything.
        headers.insert(header::CONTENT_LENGTH, "60000".parse().expect("header"));
        let (bytes, reservation) = read_limited(
            &headers,
            Body::from(vec![b'x'; 3000]),
            60_000,
            &budget,
            pace,
        )
        .await
        .expect("read");
        assert_eq!(bytes.len(), 3000);
        assert_eq!(budget.available_kib(), 64 - 3);
        drop(reservation);
        assert_eq!(budget.available_kib(), 64);
    }

    #[test]
    fn depth_counts_nesting_outside_strings() {
        assert!(check_depth(br#"{"a":[{"b":1}]}"#, 3).is_ok());
        assert!(check_depth(br#"{"a":[{"b":[1]}]}"#, 3).is_err());
        assert!(check_depth(br#"{"a":"[[[[[[[[\"[[["}"#, 1).is_ok());
        assert!(check_depth(&[b'['; 100], 32).is_err());
    }

    #[test]
    fn media_type_allows_parameters_only() {
        let mut h = HeaderMap::new();
        assert!(require_media_type(&h, "application/json").is_err());
        h.insert(
            header::CONTENT_TYPE,
            "Application/JSON; charset=utf-8".parse().expect("header"),
        );
        assert!(require_media_type(&h, "application/json").is_ok());
        h.insert(header::CONTENT_TYPE, "text/plain".parse().expect("header"));
        assert!(require_media_type(&h, "application/json").is_err());
    }
}
