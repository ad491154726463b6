//! The geometry of the report's charts, computed here so that the template
//! only places marks at fractions (0 to 1) of a box. Robust to what a
//! dashboard can hold: no value, one value, equal values, values near the
//! limits of an `f64`; nothing here returns NaN or an infinity.

/// A value axis from `lo` to `hi` (`lo < hi`) with round ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    /// Increasing, from `lo` to `hi`.
    pub ticks: Vec<f64>,
    /// The distance between two ticks (for the labels' decimals).
    pub step: f64,
}

/// At most this many intervals between ticks; beyond, the axis keeps its
/// two ends only.
const MAX_TICKS: f64 = 12.0;

impl Axis {
    /// An axis over every finite value of `values`, widened to round ticks;
    /// None when there is no finite value. Equal values get a band around
    /// them (never below zero for a value that is not negative).
    pub fn covering(values: impl IntoIterator<Item = f64>) -> Option<Axis> {
        let (min, max) = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(None, |range, v| match range {
                None => Some((v, v)),
                Some((a, b)) => Some((v.min(a), v.max(b))),
            })?;
        // `max - min` may overflow to infinity, which counts as distinct.
        let (lo, hi) = if max - min > max.abs().max(min.abs()) * 1e-9 {
            (min, max)
        } else {
            let pad = if max == 0.0 { 1.0 } else { max.abs() * 0.1 };
            let lo = (min - pad).max(-f64::MAX);
            let lo = if min >= 0.0 { lo.max(0.0) } else { lo };
            (lo, (max + pad).min(f64::MAX))
        };
        let half_span = hi / 2.0 - lo / 2.0;
        let ends = Axis {
            lo,
            hi,
            ticks: vec![lo, hi],
            step: half_span,
        };
        let Some(step) = nice_step(half_span / 2.0) else {
            return Some(ends);
        };
        let first = (lo / step).floor();
        let last = (hi / step).ceil();
        let count = last - first;
        if !(count.is_finite() && (1.0..=MAX_TICKS).contains(&count)) {
            return Some(ends);
        }
        let ticks: Vec<f64> = (0..=count as usize)
            .map(|k| (first + k as f64) * step)
            .collect();
        let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);
        if !(lo.is_finite() && hi.is_finite() && lo < hi) {
            return Some(ends);
        }
        Some(Axis {
            lo,
            hi,
            ticks,
            step,
        })
    }

    /// Where `value` sits: 0 at `lo`, 1 at `hi`, clamped to that range.
    pub fn position(&self, value: f64) -> f64 {
        // Halves, so that `hi - lo` cannot overflow.
        let p = (value / 2.0 - self.lo / 2.0) / (self.hi / 2.0 - self.lo / 2.0);
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.5
        }
    }
}

/// 1, 2 or 5 times a power of ten, near `raw`.
fn nice_step(raw: f64) -> Option<f64> {
    if !(raw.is_finite() && raw > 0.0) {
        return None;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    if !(magnitude.is_finite() && magnitude > 0.0) {
        return None;
    }
    let f = raw / magnitude;
    let nice = if f < 1.5 {
        1.0
    } else if f < 3.0 {
        2.0
    } else if f < 7.0 {
        5.0
    } else {
        10.0
    };
    Some(nice * magnitude).filter(|s| s.is_finite() && *s > 0.0)
}

/// A line chart's marks: runs of consecutive values as `(x, y)` fractions
/// (x from the left, y from the bottom), a gap wherever a value is missing.
#[derive(Debug, Clone, PartialEq)]
pub struct LinePlot {
    pub segments: Vec<Vec<[f64; 2]>>,
    /// The target's height, when there is one.
    pub target: Option<f64>,
    /// The value axis; None when there is neither a value nor a target.
    pub axis: Option<Axis>,
}

/// Plots `values`, evenly spaced from left to right (a single value in the
/// middle), on an axis that also shows `target`.
pub fn line_plot(values: &[Option<f64>], target: Option<f64>) -> LinePlot {
    let finite = |v: &Option<f64>| v.filter(|v| v.is_finite());
    let axis = Axis::covering(values.iter().filter_map(finite).chain(target));
    let Some(axis) = axis else {
        return LinePlot {
            segments: Vec::new(),
            target: None,
            axis: None,
        };
    };
    let n = values.len();
    let x = |i: usize| {
        if n > 1 {
            i as f64 / (n - 1) as f64
        } else {
            0.5
        }
    };
    let mut segments: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut run: Vec<[f64; 2]> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        match finite(value) {
            Some(v) => run.push([x(i), axis.position(v)]),
            None if !run.is_empty() => segments.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        segments.push(run);
    }
    LinePlot {
        segments,
        target: target.filter(|t| t.is_finite()).map(|t| axis.position(t)),
        axis: Some(axis),
    }
}

/// `value / max`, 0 when `max` is 0, within 0 to 1.
pub fn fraction(value: f64, max: f64) -> f64 {
    let f = value / max;
    if f.is_finite() {
        f.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn round_ticks_cover_the_values() {
        let axis = Axis::covering([0.0, 100.0]).unwrap();
        assert_eq!(axis.ticks, [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        let axis = Axis::covering([10_000.0, 10_600.0, 12_000.0]).unwrap();
        assert_eq!(axis.step, 500.0);
        assert_eq!((axis.lo, axis.hi), (10_000.0, 12_000.0));
        assert!(close(axis.position(10_600.0), 0.3));
        let axis = Axis::covering([3.2, 4.9]).unwrap();
        assert!(axis.lo <= 3.2 && axis.hi >= 4.9 && axis.ticks.len() <= 13);
    }

    #[test]
    fn no_value_one_value_and_equal_values() {
        assert_eq!(Axis::covering([]), None);
        assert_eq!(Axis::covering([f64::NAN, f64::INFINITY]), None);
        let zero = Axis::covering([0.0]).unwrap();
        assert_eq!((zero.lo, zero.hi), (0.0, 1.0));
        let flat = Axis::covering([5.0, 5.0, 5.0]).unwrap();
        assert!(flat.lo < 5.0 && flat.hi > 5.0);
        assert!(close(flat.position(5.0), 0.5));
        let negative = Axis::covering([-3.0]).unwrap();
        assert!(negative.lo < -3.0 && negative.hi > -3.0);

        let plot = line_plot(&[], None);
        assert!(plot.segments.is_empty() && plot.axis.is_none());
        let plot = line_plot(&[None, Some(7.0), None], None);
        assert_eq!(plot.segments.len(), 1);
        assert_eq!(plot.segments[0][0][0], 0.5);
        let plot = line_plot(&[Some(7.0)], None);
        assert_eq!(plot.segments, [vec![[0.5, 0.5]]]);
        // Only a target: an axis for it, no line.
        let plot = line_plot(&[None, None], Some(200.0));
        assert!(plot.segments.is_empty());
        assert!(close(plot.target.unwrap(), 0.5));
    }

    #[test]
    fn gaps_split_the_line_and_the_target_widens_the_axis() {
        let plot = line_plot(&[Some(0.0), Some(50.0), None, Some(100.0)], Some(200.0));
        assert_eq!(plot.segments.len(), 2);
        assert_eq!(plot.segments[0], [[0.0, 0.0], [1.0 / 3.0, 0.25]]);
        assert_eq!(plot.segments[1], [[1.0, 0.5]]);
        assert_eq!(plot.target, Some(1.0));
    }

    #[test]
    fn huge_values_stay_finite() {
        for values in [
            vec![1e300, 3e300],
            vec![-f64::MAX, f64::MAX],
            vec![f64::MAX, f64::MAX],
            vec![f64::MIN_POSITIVE, 0.0],
            vec![1e15, 1e15 + 0.5],
        ] {
            let axis = Axis::covering(values.iter().copied()).unwrap();
            assert!(axis.lo.is_finite() && axis.hi.is_finite() && axis.lo < axis.hi);
            assert!(axis.ticks.iter().all(|t| t.is_finite()), "{values:?}");
            for v in values {
                let p = axis.position(v);
                assert!((0.0..=1.0).contains(&p), "{v} → {p}");
            }
        }
        assert_eq!(fraction(5.0, 0.0), 0.0);
        assert_eq!(fraction(5.0, 10.0), 0.5);
    }
}
