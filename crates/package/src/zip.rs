//! A store-only ZIP writer and a strict, bounded reader.
//!
//! Packages are written in one canonical layout (entries stored, not
//! compressed; UTF-8 names; no extra fields or comments; the manifest's creation
//! time as every entry's time). Because the layout is canonical, `verify` can
//! rebuild the ZIP from its contents and compare byte for byte: a changed byte
//! anywhere in the container shows.
//!
//! The reader trusts nothing: it checks the entry count from the end record
//! before walking the directory, rejects compression, encryption and ZIP64,
//! checks every name, and refuses overlapping entries (a ZIP-bomb trick). It
//! never decompresses, so memory stays bounded by the input size.

use chrono::{Datelike, NaiveDateTime, Timelike};

use crate::error::PackageError;
use crate::Limits;

const LOCAL_SIG: u32 = 0x0403_4b50;
const CENTRAL_SIG: u32 = 0x0201_4b50;
const END_SIG: u32 = 0x0605_4b50;
const ZIP64_LOCATOR_SIG: u32 = 0x0706_4b50;
const LOCAL_LEN: usize = 30;
const CENTRAL_LEN: usize = 46;
const END_LEN: usize = 22;
/// Bit 11: names are UTF-8.
const FLAG_UTF8: u16 = 0x0800;
const VERSION_NEEDED: u16 = 20;
/// Unix (3) in the high byte, spec 2.0 in the low byte: unzip sets rw-r--r--.
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
const UNIX_FILE_MODE: u32 = 0o100_644 << 16;

/// One file in a ZIP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Path inside the ZIP.
    pub name: String,
    /// The file's content.
    pub data: Vec<u8>,
}

/// Writes entries, in order, as a canonical store-only ZIP with `time` as the
/// modification time of every entry.
pub fn write(entries: &[Entry], time: NaiveDateTime) -> Result<Vec<u8>, PackageError> {
    let (dos_time, dos_date) = dos_datetime(time);
    let mut out = Vec::new();
    let mut central = Vec::new();
    if entries.len() > u16::MAX as usize - 1 {
        return Err(PackageError::TooManyEntries {
            count: entries.len(),
            max: u16::MAX as usize - 1,
        });
    }
    for e in entries {
        let name = e.name.as_bytes();
        let size = u32::try_from(e.data.len()).map_err(|_| PackageError::EntryTooLarge {
            name: e.name.clone(),
            size: e.data.len() as u64,
            max: u32::MAX as u64,
        })?;
        let name_len = u16::try_from(name.len()).map_err(|_| PackageError::UnsafeName {
            name: e.name.clone(),
        })?;
        let offset = u32::try_from(out.len()).map_err(|_| PackageError::TooLarge {
            size: out.len() as u64,
            max: u32::MAX as u64,
        })?;
        let crc = crc32(&e.data);
        // Local file header.
        put32(&mut out, LOCAL_SIG);
        put16(&mut out, VERSION_NEEDED);
        put16(&mut out, FLAG_UTF8);
        put16(&mut out, 0); // stored
        put16(&mut out, dos_time);
        put16(&mut out, dos_date);
        put32(&mut out, crc);
        put32(&mut out, size);
        put32(&mut out, size);
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(name);
        out.extend_from_slice(&e.data);
        // Central directory header.
        put32(&mut central, CENTRAL_SIG);
        put16(&mut central, VERSION_MADE_BY);
        put16(&mut central, VERSION_NEEDED);
        put16(&mut central, FLAG_UTF8);
        put16(&mut central, 0);
        put16(&mut central, dos_time);
        put16(&mut central, dos_date);
        put32(&mut central, crc);
        put32(&mut central, size);
        put32(&mut central, size);
        put16(&mut central, name_len);
        put16(&mut central, 0); // extra
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk
        put16(&mut central, 0); // internal attributes
        put32(&mut central, UNIX_FILE_MODE);
        put32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let too_large = |n: usize| PackageError::TooLarge {
        size: n as u64,
        max: u32::MAX as u64,
    };
    let cd_offset = u32::try_from(out.len()).map_err(|_| too_large(out.len()))?;
    let cd_size = u32::try_from(central.len()).map_err(|_| too_large(central.len()))?;
    out.extend_from_slice(&central);
    put32(&mut out, END_SIG);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, cd_size);
    put32(&mut out, cd_offset);
    put16(&mut out, 0);
    Ok(out)
}

/// Reads all entries of a ZIP within `limits`, in directory order.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, PackageError> {
    if bytes.len() as u64 > limits.max_package_bytes {
        return Err(PackageError::TooLarge {
            size: bytes.len() as u64,
            max: limits.max_package_bytes,
        });
    }
    if bytes.len() < END_LEN || !bytes.starts_with(&LOCAL_SIG.to_le_bytes()) {
        // Every ZIP with content starts with a local header; an empty ZIP is no package either.
        return Err(PackageError::NotZip);
    }
    let end = find_end(bytes).ok_or(PackageError::NotZip)?;
    if end >= 20 && get32(bytes, end - 20) == Some(ZIP64_LOCATOR_SIG) {
        return Err(PackageError::Zip64);
    }
    let field16 = |at: usize| get16(bytes, end + at).ok_or(PackageError::NotZip);
    let field32 = |at: usize| get32(bytes, end + at).ok_or(PackageError::NotZip);
    let (disk, cd_disk) = (field16(4)?, field16(6)?);
    let (count_here, count) = (field16(8)?, field16(10)?);
    let (cd_size, cd_offset) = (field32(12)?, field32(16)?);
    if count == u16::MAX || cd_size == u32::MAX || cd_offset == u32::MAX {
        return Err(PackageError::Zip64);
    }
    if disk != 0 || cd_disk != 0 || count_here != count {
        return Err(PackageError::Corrupt {
            reason: "verdeeld over meerdere delen".into(),
        });
    }
    let count = usize::from(count);
    if count > limits.max_entries {
        return Err(PackageError::TooManyEntries {
            count,
            max: limits.max_entries,
        });
    }
    let cd_start = cd_offset as usize;
    let cd_end = cd_start
        .checked_add(cd_size as usize)
        .filter(|&e| e <= end)
        .ok_or_else(|| corrupt("de inhoudsopgave valt buiten het bestand"))?;

    let mut entries: Vec<Entry> = Vec::with_capacity(count);
    let mut pos = cd_start;
    let mut next_free = 0usize; // where the next entry's local header may start
    let mut total: u64 = 0;
    for _ in 0..count {
        let h = |at: usize| get16(bytes, pos + at).filter(|_| pos + CENTRAL_LEN <= cd_end);
        let w = |at: usize| get32(bytes, pos + at).filter(|_| pos + CENTRAL_LEN <= cd_end);
        if w(0) != Some(CENTRAL_SIG) {
            return Err(corrupt("de inhoudsopgave is onleesbaar"));
        }
        let bad = || corrupt("de inhoudsopgave is onleesbaar");
        let flags = h(8).ok_or_else(bad)?;
        let method = h(10).ok_or_else(bad)?;
        let csize = u64::from(w(20).ok_or_else(bad)?);
        let usize_ = u64::from(w(24).ok_or_else(bad)?);
        let name_len = usize::from(h(28).ok_or_else(bad)?);
        let extra_len = usize::from(h(30).ok_or_else(bad)?);
        let comment_len = usize::from(h(32).ok_or_else(bad)?);
        let local = w(42).ok_or_else(bad)? as usize;
        let name_start = pos + CENTRAL_LEN;
        let next = name_start + name_len + extra_len + comment_len;
        if next > cd_end {
            return Err(bad());
        }
        let raw_name = &bytes[name_start..name_start + name_len];
        let name = std::str::from_utf8(raw_name)
            .map_err(|_| PackageError::UnsafeName {
                name: String::from_utf8_lossy(raw_name).into_owned(),
            })?
            .to_owned();
        pos = next;

        check_name(&name)?;
        if entries.iter().any(|e| e.name == name) {
            return Err(PackageError::DuplicateName { name });
        }
        if usize_ > limits.max_entry_bytes {
            return Err(PackageError::EntryTooLarge {
                name,
                size: usize_,
                max: limits.max_entry_bytes,
            });
        }
        total += usize_;
        if total > limits.max_total_bytes {
            return Err(PackageError::TotalTooLarge {
                max: limits.max_total_bytes,
            });
        }
        if flags & 0x0001 != 0 {
            return Err(PackageError::Encrypted { name });
        }
        if method != 0 || csize != usize_ {
            return Err(PackageError::Compressed { name });
        }
        // Entries must follow each other without overlap: several directory
        // records pointing at the same data is how "overlapping" ZIP bombs work.
        if local < next_free {
            return Err(PackageError::Overlapping { name });
        }
        if get32(bytes, local) != Some(LOCAL_SIG) {
            return Err(corrupt(
                "een bestand in het pakket begint niet waar de inhoudsopgave zegt",
            ));
        }
        let local_name_len = get16(bytes, local + 26).ok_or_else(bad)? as usize;
        let local_extra_len = get16(bytes, local + 28).ok_or_else(bad)? as usize;
        let data_start = local + LOCAL_LEN + local_name_len + local_extra_len;
        let data_end = data_start
            .checked_add(usize_ as usize)
            .filter(|&e| e <= cd_start)
            .ok_or_else(|| corrupt("een bestand loopt door tot buiten het pakket"))?;
        next_free = data_end;
        entries.push(Entry {
            name,
            data: bytes[data_start..data_end].to_vec(),
        });
    }
    Ok(entries)
}

fn corrupt(reason: &str) -> PackageError {
    PackageError::Corrupt {
        reason: reason.to_owned(),
    }
}

/// Checks that a name is a plain relative path: no absolute paths, drive
/// letters, backslashes, `.`/`..` or empty segments, or control characters.
pub fn check_name(name: &str) -> Result<(), PackageError> {
    let unsafe_name = || PackageError::UnsafeName {
        name: name.to_owned(),
    };
    if name.is_empty() || name.len() > 255 || name.chars().any(|c| c.is_control()) {
        return Err(unsafe_name());
    }
    if name.starts_with('/') || name.contains('\\') || name.contains(':') {
        return Err(unsafe_name());
    }
    let trimmed = name.strip_suffix('/').unwrap_or(name); // a directory entry
    if trimmed
        .split('/')
        .any(|seg| seg.is_empty() || seg == "." || seg == "..")
    {
        return Err(unsafe_name());
    }
    Ok(())
}

/// Finds the end-of-central-directory record: the last one in the final 64 KB.
fn find_end(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(END_LEN)?;
    let first = last.saturating_sub(u16::MAX as usize);
    (first..=last)
        .rev()
        .find(|&i| get32(bytes, i) == Some(END_SIG))
}

fn dos_datetime(t: NaiveDateTime) -> (u16, u16) {
    let year = t.year().clamp(1980, 2107) as u16;
    let time = ((t.hour() as u16) << 11) | ((t.minute() as u16) << 5) | (t.second() as u16 / 2);
    let date = ((year - 1980) << 9) | ((t.month() as u16) << 5) | t.day() as u16;
    (time, date)
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn get16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn get32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// CRC-32 (IEEE), as ZIP stores it.
pub fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *slot = c;
        }
        t
    });
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc = table[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> NaiveDateTime {
        aanvraagwijzer_test_support::made()
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn round_trips() {
        let entries = vec![
            Entry {
                name: "a.json".into(),
                data: b"{}".to_vec(),
            },
            Entry {
                name: "bijlagen/verslag é.pdf".into(),
                data: vec![0, 1, 2, 255],
            },
        ];
        let zip = write(&entries, t()).expect("writes");
        assert_eq!(read(&zip, &Limits::default()).expect("reads"), entries);
    }

    #[test]
    fn names_must_be_plain_relative_paths() {
        for bad in [
            "../x",
            "/etc/passwd",
            "bijlagen/../../x",
            "a\\b",
            "C:x",
            "a//b",
            "",
            "a\u{0}b",
        ] {
            assert!(check_name(bad).is_err(), "{bad:?} accepted");
        }
        assert!(check_name("bijlagen/Verslag 2026.pdf").is_ok());
    }
}
