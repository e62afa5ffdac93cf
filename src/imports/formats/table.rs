//! A CSV file with a header row, read with the `csv` crate: each row's
//! fields by header name, and the line it starts on.

use std::collections::HashMap;

/// The rows of `text` (its header row first), each with its first line
/// (`first_line` is the header's line in the whole file).
pub fn rows(text: &str, first_line: u64) -> Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("cannot read the header row: {e}"))?
        .iter()
        .map(str::to_string)
        .collect();
    let index: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.clone(), i))
        .collect();
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    // The line (in the whole file) of the first character at or after
    // `byte` that does not end a line: where a row begins.
    let line_at = |byte: usize| {
        let start = text[byte.min(text.len())..]
            .find(|c| c != '\r' && c != '\n')
            .map_or(text.len(), |n| byte + n);
        newlines.partition_point(|&nl| nl < start) as u64 + first_line
    };
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let at = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(str::is_empty) {
                    continue;
                }
                let fields = if record.len() == headers.len() {
                    Ok(record.iter().map(str::to_string).collect())
                } else {
                    Err(format!(
                        "the row has {} fields and the header {}: is it cut short or misquoted?",
                        record.len(),
                        headers.len()
                    ))
                };
                out.push(Row {
                    line: line_at(at),
                    fields,
                    index: index.clone(),
                });
            }
            Err(e) => {
                out.push(Row {
                    line: line_at(at),
                    fields: Err(format!("cannot read this row: {e}")),
                    index: index.clone(),
                });
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
    Ok(out)
}

/// One row: its fields by header name.
pub struct Row {
    pub line: u64,
    pub fields: Result<Vec<String>, String>,
    index: HashMap<String, usize>,
}

impl Row {
    /// The field under `header` ("" when the file has no such column).
    pub fn get(&self, header: &str) -> &str {
        match (&self.fields, self.index.get(header)) {
            (Ok(f), Some(&i)) => f.get(i).map_or("", String::as_str),
            _ => "",
        }
    }

    /// Whether the file has a column `header`.
    pub fn has(&self, header: &str) -> bool {
        self.index.contains_key(header)
    }
}

/// The records of `rows`: each row's contact by `contact`, or why the row
/// cannot be read.
pub fn records(
    rows: Vec<Row>,
    contact: impl Fn(&Row) -> Result<serde_json::Value, String>,
) -> Vec<super::Record> {
    rows.into_iter()
        .map(|row| super::Record {
            line: row.line,
            contact: match &row.fields {
                Ok(_) => contact(&row),
                Err(why) => Err(why.clone()),
            },
            photo: None,
        })
        .collect()
}
