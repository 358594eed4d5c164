//! A small `multipart/form-data` reader, enough to check what an upload sends.

/// One part of a form: its name, file name, content type and bytes.
#[derive(Debug)]
pub struct FormPart {
    pub name: String,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// Splits `body` into its parts, given the request's `Content-Type` header.
pub fn parse(content_type: &str, body: &[u8]) -> Result<Vec<FormPart>, String> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|param| param.strip_prefix("boundary="))
        .ok_or_else(|| format!("no boundary in content type `{content_type}`"))?
        .trim_matches('"');
    let delimiter = format!("--{boundary}").into_bytes();
    let separator = format!("\r\n--{boundary}").into_bytes();

    if !body.starts_with(&delimiter) {
        return Err("the body does not start with the boundary".into());
    }
    let mut rest = &body[delimiter.len()..];
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        let Some(after_line) = rest.strip_prefix(b"\r\n") else {
            return Err("a boundary is not followed by a line break".into());
        };
        let end = find(after_line, &separator).ok_or("a part has no closing boundary")?;
        parts.push(parse_part(&after_line[..end])?);
        rest = &after_line[end + separator.len()..];
    }
}

fn parse_part(raw: &[u8]) -> Result<FormPart, String> {
    let split = find(raw, b"\r\n\r\n").ok_or("a part has no header end")?;
    let headers = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut part = FormPart {
        name: String::new(),
        file_name: None,
        content_type: None,
        data: raw[split + 4..].to_vec(),
    };
    for line in headers.split("\r\n") {
        let (name, value) = line.split_once(':').ok_or("a part header has no colon")?;
        match name.trim().to_ascii_lowercase().as_str() {
            "content-disposition" => {
                part.name = parameter(value, "name").unwrap_or_default();
                part.file_name = parameter(value, "filename");
            }
            "content-type" => part.content_type = Some(value.trim().to_owned()),
            _ => {}
        }
    }
    Ok(part)
}

fn parameter(header: &str, name: &str) -> Option<String> {
    header.split(';').map(str::trim).find_map(|param| {
        let value = param.strip_prefix(name)?.strip_prefix('=')?;
        Some(value.trim_matches('"').to_owned())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut start = 0;
    while start + needle.len() <= haystack.len() {
        let offset = haystack[start..].iter().position(|byte| *byte == first)?;
        let at = start + offset;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        start = at + 1;
    }
    None
}
