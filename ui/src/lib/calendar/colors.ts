// Event text must stay readable on any colour a user picks for a network.

const FALLBACK = '#64748b';

export function normaliseColor(color: string | null | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : FALLBACK;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(color: string): number {
  const hex = normaliseColor(color).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Near-black or white on `background`. The two contrast ratios cross at
 * luminance ≈ 0.18, but small bold white text on a saturated mid-tone (the
 * brand reds, blues and teals of the networks, luminance 0.18 to 0.3) reads
 * better than black while still above 3:1, so white wins up to 0.3.
 */
export function textColorFor(background: string): string {
  return luminance(background) > 0.3 ? '#111827' : '#ffffff';
}
