// The tooltip on a highlight or stripe: code, coder and memo of each coding
// there. Shown on hover and on keyboard focus; the same facts are the
// stripes' accessible names.

import {h, clear, byId} from '../lib/dom.js';
import {codeColour} from '../lib/colours.js';
import {t} from '../lib/i18n.js';
import {state} from '../lib/state.js';

export function showTooltip(codings, anchor) {
  const tip = byId('tooltip');
  if (!codings.length || !anchor) {
    hideTooltip();
    return;
  }
  clear(tip);
  for (const coding of codings) {
    const swatch = h('span', {class: 'swatch', 'aria-hidden': 'true'});
    swatch.style.setProperty('background-color', codeColour(state.codesByPath.get(coding.code) || {path: coding.code}));
    tip.appendChild(h('div', {class: 'tip-coding'},
      h('strong', {}, swatch, coding.code), ' ', t('codedBy', {coder: coding.coder}),
      coding.memo ? h('div', {class: 'tip-memo'}, `${t('memo')}: ${coding.memo}`) : null));
  }
  tip.hidden = false;
  const rect = anchor.getBoundingClientRect();
  const width = tip.offsetWidth;
  const left = Math.max(4, Math.min(rect.left, window.innerWidth - width - 4));
  const below = rect.bottom + 6;
  const top = below + tip.offsetHeight > window.innerHeight ? Math.max(4, rect.top - tip.offsetHeight - 6) : below;
  tip.style.setProperty('left', `${left + window.scrollX}px`);
  tip.style.setProperty('top', `${top + window.scrollY}px`);
}

export function hideTooltip() {
  byId('tooltip').hidden = true;
}
