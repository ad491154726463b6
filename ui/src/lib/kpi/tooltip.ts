// Tooltip content for the charts, built as DOM nodes with text only: names
// of networks, themes and posts are the user's text and never become HTML.

export type TooltipRow = { label: string; value: string; color?: string };

export function tooltipNode(title: string, rows: TooltipRow[], note?: string): HTMLElement {
  const root = document.createElement('div');
  root.className = 'kpi-tooltip';
  const heading = document.createElement('div');
  heading.style.fontWeight = '600';
  heading.style.marginBottom = '2px';
  heading.textContent = title;
  root.append(heading);
  for (const row of rows) {
    const line = document.createElement('div');
    line.style.display = 'flex';
    line.style.alignItems = 'center';
    line.style.gap = '6px';
    if (row.color) {
      const swatch = document.createElement('span');
      swatch.style.display = 'inline-block';
      swatch.style.width = '8px';
      swatch.style.height = '8px';
      swatch.style.borderRadius = '50%';
      swatch.style.background = row.color;
      line.append(swatch);
    }
    const label = document.createElement('span');
    label.textContent = row.label;
    const value = document.createElement('span');
    value.style.marginLeft = 'auto';
    value.style.paddingLeft = '12px';
    value.style.fontWeight = '600';
    value.textContent = row.value;
    line.append(label, value);
    root.append(line);
  }
  if (note) {
    const extra = document.createElement('div');
    extra.style.marginTop = '4px';
    extra.style.color = '#7d8590';
    extra.textContent = note;
    root.append(extra);
  }
  return root;
}
