// Code colours: the codebook's colour, or a stable one from the code's path;
// a light tint of it for highlights under dark text (WCAG AA contrast).

const kFallback = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
  '#7f7f7f', '#bcbd22', '#17becf'];

export function codeColour(code) {
  if (code && /^#[0-9a-f]{6}$/i.test(code.colour || '')) return code.colour.toLowerCase();
  const path = code ? code.path || '' : '';
  let hash = 0;
  for (let i = 0; i < path.length; i++) hash = (hash * 31 + path.charCodeAt(i)) >>> 0;
  return kFallback[hash % kFallback.length];
}

function rgb(hex) {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

// `hex` mixed with white: `amount` 0 = white, 1 = the colour.
export function tint(hex, amount) {
  const [r, g, b] = rgb(hex).map((c) => Math.round(255 - (255 - c) * amount));
  return `rgb(${r}, ${g}, ${b})`;
}

// Relative luminance (WCAG 2.1).
function luminance(hex) {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// The highlight behind story text: a tint light enough that the text
// (#1a1a1a) keeps a contrast of at least 7:1.
export function highlight(hex) {
  for (let amount = 0.45; amount > 0.05; amount -= 0.05) {
    const [r, g, b] = rgb(hex).map((c) => Math.round(255 - (255 - c) * amount));
    const mixed = '#' + [r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('');
    if ((luminance(mixed) + 0.05) / (luminance('#1a1a1a') + 0.05) >= 7) return tint(hex, amount);
  }
  return tint(hex, 0.1);
}
