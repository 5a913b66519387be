//! Password-based encryption of drafts with the browser's own WebCrypto:
//! PBKDF2-SHA-256 derives an AES-GCM-256 key from the password; salt and
//! nonce come from `crypto.getRandomValues`. No cipher code ships in the wasm.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, AesKeyGenParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// OWASP's Password Storage Cheat Sheet (2023 onwards) for PBKDF2-HMAC-SHA256.
pub const ITERATIONS: u32 = 600_000;
/// Bytes of the random PBKDF2 salt.
pub const SALT_LEN: usize = 16;
/// Bytes of the random AES-GCM nonce (the size GCM is built for).
pub const NONCE_LEN: usize = 12;

/// Why encrypting or decrypting did not work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// The browser offers no WebCrypto here (an old browser, or a page not
    /// served over https or from this computer).
    Unavailable,
    /// Decryption failed: the password is wrong (or the stored bytes changed).
    WrongPassword,
    /// WebCrypto refused for another reason; the browser's own words.
    Failed(String),
}

/// Encrypted bytes with what is needed to decrypt them (except the password).
pub struct Sealed {
    /// The PBKDF2 salt.
    pub salt: Vec<u8>,
    /// The AES-GCM nonce.
    pub nonce: Vec<u8>,
    /// Ciphertext with the GCM tag.
    pub data: Vec<u8>,
}

fn subtle() -> Result<(web_sys::Crypto, SubtleCrypto), CryptoError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?;
    // `crypto.subtle` is undefined outside a secure context.
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into())
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null())
        .ok_or(CryptoError::Unavailable)?;
    Ok((crypto, subtle.unchecked_into()))
}

/// `n` random bytes from the browser's CSPRNG.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let (crypto, _) = subtle()?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| failed(&e))?;
    Ok(bytes)
}

fn failed(e: &JsValue) -> CryptoError {
    CryptoError::Failed(
        js_sys::Reflect::get(e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| format!("{e:?}")),
    )
}

async fn promise(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, CryptoError> {
    JsFuture::from(p.map_err(|e| failed(&e))?)
        .await
        .map_err(|e| failed(&e))
}

/// The AES-GCM key for `password` and `salt`.
async fn derive_key(
    subtle: &SubtleCrypto,
    password: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    let raw = Uint8Array::from(password.as_bytes());
    let base = promise(subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    ))
    .await?;
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &"SHA-256".into(),
        iterations,
        &Uint8Array::from(salt),
    );
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = promise(subtle.derive_key_with_object_and_object(
        &params,
        base.unchecked_ref(),
        &AesKeyGenParams::new("AES-GCM", 256),
        false,
        &usages,
    ))
    .await?;
    Ok(key.unchecked_into())
}

fn gcm(nonce: &[u8], aad: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
    params.set_additional_data(&Uint8Array::from(aad));
    params
}

/// Encrypts `plain` under `password`; `aad` is authenticated, not hidden
/// (the draft's visible facts, so they cannot be changed unnoticed).
pub async fn encrypt(password: &str, plain: &[u8], aad: &[u8]) -> Result<Sealed, CryptoError> {
    let (_, subtle) = subtle()?;
    let salt = random_bytes(SALT_LEN)?;
    let nonce = random_bytes(NONCE_LEN)?;
    let key = derive_key(&subtle, password, &salt, ITERATIONS).await?;
    let out =
        promise(subtle.encrypt_with_object_and_u8_array(&gcm(&nonce, aad), &key, plain)).await?;
    let data = Uint8Array::new(out.unchecked_ref::<ArrayBuffer>()).to_vec();
    Ok(Sealed { salt, nonce, data })
}

/// Decrypts what `encrypt` made; a wrong password gives `WrongPassword`.
pub async fn decrypt(
    password: &str,
    sealed: &Sealed,
    iterations: u32,
    aad: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let (_, subtle) = subtle()?;
    let key = derive_key(&subtle, password, &sealed.salt, iterations).await?;
    let out = promise(subtle.decrypt_with_object_and_u8_array(
        &gcm(&sealed.nonce, aad),
        &key,
        &sealed.data,
    ))
    .await
    // GCM's tag check is the only way a wrong key shows (an OperationError).
    .map_err(|_| CryptoError::WrongPassword)?;
    Ok(Uint8Array::new(out.unchecked_ref::<ArrayBuffer>()).to_vec())
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (stored bytes are text in localStorage).
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Reads `base64_encode`'s output; `None` for anything else.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for (ci, chunk) in text.chunks(4).enumerate() {
        let last = ci + 1 == text.len() / 4;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            let v = B64.iter().position(|&b| b == c)? as u32;
            n = (n << 6) | v;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_matches_rfc4648() {
        // RFC 4648 section 10 test vectors.
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(plain.as_bytes()), enc);
            assert_eq!(base64_decode(enc).as_deref(), Some(plain.as_bytes()));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&all)), Some(all));
    }

    #[test]
    fn base64_refuses_damaged_text() {
        assert_eq!(base64_decode("Zm9"), None);
        assert_eq!(base64_decode("Zm=v"), None);
        assert_eq!(base64_decode("Zg==Zg=="), None);
        assert_eq!(base64_decode("Z!9v"), None);
    }
}
