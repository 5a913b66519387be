//! Reading request bodies within limits: media type, size, time, JSON depth.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap};
use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};

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

/// Reads the whole body, refusing more than `limit` bytes (early on a
/// declared Content-Length, else while reading) and a client slower than `timeout`.
pub async fn read_limited(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
    timeout: Duration,
) -> Result<Bytes, ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::BodyTooLarge { limit });
    }
    let collect = Limited::new(body, limit).collect();
    match tokio::time::timeout(timeout, collect).await {
        Err(_) => Err(ApiError::RequestTimeout),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(e)) if e.is::<LengthLimitError>() => Err(ApiError::BodyTooLarge { limit }),
        // The connection broke or the body was malformed; nobody reads the answer.
        Ok(Err(_)) => Err(ApiError::RequestTimeout),
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
