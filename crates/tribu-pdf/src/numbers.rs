//! Numbers as a reader of the document's language writes them, formatted
//! here so that the template only sets strings: French `12 345,5` (a narrow
//! no-break space between thousands, a decimal comma, `4,2 %`), English
//! `12,345.5` (`4.2%`). A value that is missing or not a finite number is
//! written `—`, never `NaN`.

use tribu_core::charter::CharterLanguage;
use tribu_core::kpi::Metric;

/// What a missing value shows.
pub const MISSING: &str = "—";
const NARROW_NBSP: char = '\u{202F}';
const MINUS: char = '\u{2212}';
/// From this size on, numbers are written as `1,23 × 10¹⁵`: their last
/// digits are beyond an `f64`'s precision anyway.
const SCIENTIFIC_FROM: f64 = 1e15;
/// The same for a KPI's values, in the narrow columns of the KPI table.
const METRIC_SCIENTIFIC_FROM: f64 = 1e10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    french: bool,
}

impl NumberFormat {
    pub fn new(language: CharterLanguage) -> Self {
        NumberFormat {
            french: language == CharterLanguage::Fr,
        }
    }

    fn group_separator(self) -> char {
        if self.french {
            NARROW_NBSP
        } else {
            ','
        }
    }

    fn decimal_mark(self) -> char {
        if self.french {
            ','
        } else {
            '.'
        }
    }

    /// `value` rounded to `decimals` places, thousands grouped; a true minus
    /// sign, and no sign on a value that rounds to zero.
    pub fn fixed(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return MISSING.to_string();
        }
        if value.abs() >= SCIENTIFIC_FROM {
            return self.scientific(value);
        }
        // Halves round away from zero (42.25 → 42.3), as a reader expects;
        // the formatter alone would round them to even.
        let factor = 10f64.powi(decimals.min(15) as i32);
        let rounded = (value.abs() * factor).round() / factor;
        let digits = format!("{:.*}", decimals, rounded);
        let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
        let mut out = String::with_capacity(digits.len() + 8);
        if value < 0.0 && digits.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            out.push(MINUS);
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i).is_multiple_of(3) {
                out.push(self.group_separator());
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(self.decimal_mark());
            out.push_str(frac);
        }
        out
    }

    /// Like [`Self::fixed`], trailing zeros of the decimals dropped
    /// (`12 345,5`, `12 345`).
    pub fn trimmed(self, value: f64, decimals: usize) -> String {
        let fixed = self.fixed(value, decimals);
        let mark = self.decimal_mark();
        if decimals == 0 || !fixed.contains(mark) || fixed.contains('×') {
            return fixed;
        }
        fixed
            .trim_end_matches('0')
            .trim_end_matches(mark)
            .to_string()
    }

    /// `4,2 %` in French, `4.2%` in English.
    pub fn percent(self, value: f64, decimals: usize) -> String {
        let number = self.fixed(value, decimals);
        if number == MISSING {
            number
        } else {
            number + self.percent_sign()
        }
    }

    /// What follows a number to make it a percentage.
    pub fn percent_sign(self) -> &'static str {
        if self.french {
            "\u{202F}%"
        } else {
            "%"
        }
    }

    /// A count (posts, reach): no decimals.
    pub fn count(self, value: u64) -> String {
        self.fixed(value as f64, 0)
    }

    /// A value of `metric`: a rate with one decimal and `%`, a response time
    /// in minutes, any other value with at most one decimal; from ten
    /// billion on, as `1,23 × 10¹⁰`, which a table column can hold.
    pub fn metric(self, metric: Metric, value: Option<f64>) -> String {
        let Some(value) = value.filter(|v| v.is_finite()) else {
            return MISSING.to_string();
        };
        if value.abs() >= METRIC_SCIENTIFIC_FROM {
            return self.scientific(value);
        }
        match metric {
            Metric::EngagementRate => self.percent(value, 1),
            Metric::ResponseTimeMinutes => format!("{}\u{A0}min", self.trimmed(value, 1)),
            _ => self.trimmed(value, 1),
        }
    }

    /// `1,23 × 10¹⁵`.
    fn scientific(self, value: f64) -> String {
        let text = format!("{value:.2e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa: f64 = mantissa.parse().unwrap_or(0.0);
        let superscript: String = exponent
            .chars()
            .map(|c| match c {
                '-' => '⁻',
                d => "⁰¹²³⁴⁵⁶⁷⁸⁹"
                    .chars()
                    .nth(d.to_digit(10).unwrap_or(0) as usize)
                    .unwrap_or('⁰'),
            })
            .collect();
        format!("{} × 10{superscript}", self.fixed(mantissa, 2))
    }

    /// How the labels of an axis whose largest value is `magnitude` and
    /// whose ticks are `step` apart are written: in thousands (`12 k`),
    /// millions or billions when large, with just enough decimals to tell
    /// the ticks apart.
    pub fn axis(self, magnitude: f64, step: f64) -> AxisFormat {
        let magnitude = magnitude.abs();
        let (scale, suffix) = match magnitude {
            m if m < 1e4 => (1.0, ""),
            m if m < 1e6 => (1e3, "k"),
            m if m < 1e9 => (1e6, "M"),
            m if m < 1e12 => (1e9, if self.french { "Md" } else { "B" }),
            _ => (1.0, ""),
        };
        let scaled = step / scale;
        let decimals = if scaled.is_finite() && scaled > 0.0 && scaled < 1.0 {
            ((-scaled.log10()).ceil() as usize).min(6)
        } else {
            0
        };
        AxisFormat {
            numbers: self,
            scale,
            suffix,
            decimals,
        }
    }
}

/// See [`NumberFormat::axis`].
#[derive(Debug, Clone, Copy)]
pub struct AxisFormat {
    numbers: NumberFormat,
    scale: f64,
    suffix: &'static str,
    decimals: usize,
}

impl AxisFormat {
    pub fn label(&self, value: f64) -> String {
        let number = self.numbers.fixed(value / self.scale, self.decimals);
        match (self.suffix, self.numbers.french) {
            ("", _) => number,
            (suffix, true) => format!("{number}{NARROW_NBSP}{suffix}"),
            (suffix, false) => format!("{number}{suffix}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: NumberFormat = NumberFormat { french: true };
    const EN: NumberFormat = NumberFormat { french: false };

    #[test]
    fn thousands_and_decimals_in_each_language() {
        assert_eq!(FR.trimmed(12345.5, 1), "12\u{202F}345,5");
        assert_eq!(EN.trimmed(12345.5, 1), "12,345.5");
        assert_eq!(FR.fixed(1234.5, 1), "1\u{202F}234,5");
        assert_eq!(EN.fixed(1234.5, 1), "1,234.5");
        assert_eq!(FR.fixed(1234567.0, 0), "1\u{202F}234\u{202F}567");
        assert_eq!(EN.fixed(1234567.0, 0), "1,234,567");
        assert_eq!(EN.fixed(123.0, 0), "123");
        assert_eq!(EN.fixed(999.96, 1), "1,000.0");
        assert_eq!(FR.fixed(0.5, 2), "0,50");
        // Trailing zeros go, and the mark with them.
        assert_eq!(FR.trimmed(12000.0, 1), "12\u{202F}000");
        assert_eq!(EN.trimmed(10523.73, 1), "10,523.7");
        assert_eq!(FR.count(100_000), "100\u{202F}000");
    }

    #[test]
    fn signs_percentages_and_units() {
        assert_eq!(FR.fixed(-1234.5, 1), "\u{2212}1\u{202F}234,5");
        assert_eq!(EN.fixed(-0.04, 1), "0.0", "no sign on a rounded zero");
        assert_eq!(FR.percent(4.25, 1), "4,3\u{202F}%");
        assert_eq!(EN.percent(4.2, 1), "4.2%");
        assert_eq!(EN.percent(-16.6667, 0), "\u{2212}17%");
        assert_eq!(FR.metric(Metric::EngagementRate, Some(5.0)), "5,0\u{202F}%");
        assert_eq!(
            EN.metric(Metric::ResponseTimeMinutes, Some(42.25)),
            "42.3\u{A0}min"
        );
        assert_eq!(EN.metric(Metric::Followers, Some(12000.0)), "12,000");
        assert_eq!(
            EN.metric(Metric::Reach, Some(9_876_543_210.0)),
            "9,876,543,210"
        );
        assert_eq!(
            FR.metric(Metric::Reach, Some(12_345_678_901.0)),
            "1,23 × 10¹⁰"
        );
    }

    #[test]
    fn missing_and_odd_values_never_show_nan() {
        assert_eq!(FR.metric(Metric::Reach, None), "—");
        assert_eq!(FR.metric(Metric::Reach, Some(f64::NAN)), "—");
        assert_eq!(EN.fixed(f64::INFINITY, 1), "—");
        assert_eq!(EN.percent(f64::NAN, 1), "—");
        assert_eq!(EN.fixed(1.5e300, 1), "1.50 × 10³⁰⁰");
        assert_eq!(FR.trimmed(2e15, 1), "2,00 × 10¹⁵");
        assert_eq!(EN.fixed(-f64::MAX, 0), "\u{2212}1.80 × 10³⁰⁸");
    }

    #[test]
    fn axis_labels_scale_and_keep_the_decimals_they_need() {
        let axis = FR.axis(150_000.0, 50_000.0);
        assert_eq!(axis.label(100_000.0), "100\u{202F}k");
        assert_eq!(EN.axis(150_000.0, 50_000.0).label(100_000.0), "100k");
        assert_eq!(EN.axis(1_500_000.0, 500_000.0).label(1_500_000.0), "1.5M");
        assert_eq!(FR.axis(2e9, 1e9).label(2e9), "2\u{202F}Md");
        assert_eq!(EN.axis(5.0, 0.2).label(4.4), "4.4");
        assert_eq!(EN.axis(0.05, 0.01).label(0.03), "0.03");
        assert_eq!(EN.axis(9000.0, 2000.0).label(8000.0), "8,000");
        assert_eq!(EN.axis(1e20, 1e19).label(3e19), "3.00 × 10¹⁹");
    }
}
