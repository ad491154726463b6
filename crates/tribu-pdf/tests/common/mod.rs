//! Reading a typeset PDF back as a reader would: its text with pdftotext
//! (poppler-utils), the words' positions, its page count.
// Each test file uses its own share of these.
#![allow(dead_code)]

use std::process::Command;

/// The PDF's text with all runs of white space folded to one space.
pub fn text_of(pdf: &[u8]) -> String {
    raw_text_of(pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The PDF's text as pdftotext gives it.
pub fn raw_text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// Each word of the PDF with its left and right edges, in points, as
/// `pdftotext -bbox` finds them.
pub fn word_boxes(pdf: &[u8]) -> Vec<(String, f64, f64)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-bbox"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success());
    let html = String::from_utf8_lossy(&out.stdout);
    let attr = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| {
            let text = l.split('>').nth(1).unwrap().split('<').next().unwrap();
            (text.to_string(), attr(l, "xMin"), attr(l, "xMax"))
        })
        .collect()
}

/// The gap between `first` and the word after it, where it first occurs.
pub fn gap_after(words: &[(String, f64, f64)], first: &str, then: &str) -> f64 {
    let i = words
        .windows(2)
        .position(|w| w[0].0 == first && w[1].0 == then)
        .unwrap_or_else(|| panic!("“{first} {then}” in the PDF"));
    words[i + 1].1 - words[i].2
}

/// Page objects are `/Type/Page`; the page tree is `/Type/Pages`.
pub fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type/Page").count() - text.matches("/Type/Pages").count()
}
