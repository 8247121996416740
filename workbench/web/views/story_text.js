// The story's text: paragraphs and speaker turns, coded passages highlighted
// in their code colours, and one stripe per coding in the margin (lanes side
// by side where codings overlap, as MAXQDA draws them). Maps DOM selections to
// UTF-16 offsets of the text. Re-renders only the paragraphs whose codings
// changed, so a 100k-character story stays responsive.

import {h, clear} from '../lib/dom.js';
import {codeColour, highlight} from '../lib/colours.js';
import {t} from '../lib/i18n.js';
import {state} from '../lib/state.js';
import {TextIndex} from '../lib/offsets.js';

const kLane = 12;  // px per stripe lane

export class StoryText {
  // `textbox`: the element holding the text; `stripes`: the margin.
  constructor(textbox, stripes, {onOpenCodings, onHover}) {
    this.textbox = textbox;
    this.stripes = stripes;
    this.onOpenCodings = onOpenCodings;
    this.onHover = onHover;
    this.index = null;
    this.paras = [];      // {start, end, element, signature} in UTF-16 units
    this.codings = [];    // the story's codings with unitStart/unitEnd
    this.byId = new Map();
    this.passage = null;       // {start, end} code points a link pointed to
    this.passageUnits = null;  // the same in UTF-16 units
    this.layoutPending = false;
    new ResizeObserver(() => this.scheduleLayout()).observe(textbox);
    textbox.addEventListener('click', (event) => this.#click(event));
    textbox.addEventListener('mouseover', (event) => this.#hover(event));
    textbox.addEventListener('mouseleave', () => this.onHover(null));
  }

  // Shows `story` (full render when its text differs from what is shown).
  show(story) {
    if (!this.index || this.index.text !== story.text) {
      this.index = new TextIndex(story.text);
      this.#buildParagraphs(story);
    }
    this.codings = story.codings.map((coding) => ({
      ...coding,
      unitStart: this.index.unit(coding.start),
      unitEnd: this.index.unit(coding.end),
    }));
    this.byId = new Map(this.codings.map((coding) => [coding.id, coding]));
    this.passageUnits = this.passage && this.passage.end > this.passage.start
      ? [this.index.unit(this.passage.start), this.index.unit(this.passage.end)] : null;
    this.#keepingSelection(() => this.paras.filter((para) => this.#renderParagraph(para, false)).length);
    this.scheduleLayout();
  }

  // Marks the passage [start, end) (code points) of the next show(), as a
  // quote's link asks (#story=KEY&at=START-END); null marks none.
  setPassage(passage) {
    this.passage = passage;
  }

  // Scrolls the marked passage into the middle of the view; false without one.
  revealPassage() {
    const mark = this.textbox.querySelector('mark.passage');
    if (!mark) return false;
    mark.scrollIntoView({block: 'center'});
    return true;
  }

  // Colours changed in the codebook: redraw every paragraph.
  recolour() {
    this.#keepingSelection(() => this.paras.filter((para) => this.#renderParagraph(para, true)).length);
    this.scheduleLayout();
  }

  // Runs `render` (which returns how many paragraphs it replaced) and puts
  // back the caret or selection the coder had in the text, so a coding that
  // arrives from the server does not take the coder's place away.
  #keepingSelection(render) {
    const saved = this.selectionPoints();
    if (render() && saved) this.setSelectionPoints(saved);
  }

  // The selection's anchor and focus as UTF-16 units, or null outside the text.
  selectionPoints() {
    const selection = window.getSelection();
    if (!selection || !selection.anchorNode || !this.textbox.contains(selection.anchorNode)) return null;
    const anchor = this.unitAt(selection.anchorNode, selection.anchorOffset);
    const focus = this.unitAt(selection.focusNode, selection.focusOffset);
    return anchor === null || focus === null ? null : [anchor, focus];
  }

  setSelectionPoints([anchor, focus]) {
    const a = this.#domPoint(anchor, false);
    const b = this.#domPoint(focus, focus > anchor);
    if (a && b) window.getSelection().setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  }

  clear() {
    this.index = null;
    this.paras = [];
    this.codings = [];
    clear(this.textbox);
    clear(this.stripes);
  }

  #buildParagraphs(story) {
    const text = story.text;
    const cuts = [];  // [start, end) ranges in units
    const separator = /\n{2,}/g;
    let from = 0;
    for (let match; (match = separator.exec(text));) {
      if (match.index > from) cuts.push([from, match.index]);
      from = match.index + match[0].length;
    }
    if (from < text.length || !cuts.length) cuts.push([from, text.length]);
    // A speaker turn starts a paragraph at the start of its line.
    const turnAt = new Map();
    for (const turn of story.turns || []) {
      const unit = this.index.unit(turn.start);
      const lineStart = text.lastIndexOf('\n', unit - 1) + 1;
      turnAt.set(lineStart, turn);
    }
    const ranges = [];
    for (const [start, end] of cuts) {
      let begin = start;
      for (const lineStart of [...turnAt.keys()].filter((u) => u > start && u < end).sort((a, b) => a - b)) {
        if (lineStart - 1 > begin) ranges.push([begin, lineStart - 1]);
        begin = lineStart;
      }
      ranges.push([begin, end]);
    }
    clear(this.textbox);
    this.paras = ranges.map(([start, end], i) => {
      const turn = turnAt.get(start);
      const element = h('div', {
        class: 'para' + (turn ? (turn.interviewer ? ' turn interviewer' : ' turn respondent') : ''),
        'data-i': i,
      });
      if (turn) element.dataset.speaker = turn.speaker || '';
      this.textbox.appendChild(element);
      return {start, end, element, signature: null};
    });
  }

  // Draws one paragraph with its highlights; false when nothing changed.
  #renderParagraph(para, force) {
    const inside = this.codings.filter((c) => c.unitStart < para.end && c.unitEnd > para.start);
    const passage = this.passageUnits && this.passageUnits[0] < para.end && this.passageUnits[1] > para.start
      ? this.passageUnits : null;
    const signature = inside.map((c) => `${c.id}:${c.code}`).join('|') + (passage ? `|passage:${passage}` : '');
    if (!force && signature === para.signature) return false;
    para.signature = signature;
    const text = this.index.text;
    const bounds = new Set([para.start, para.end]);
    for (const c of inside) {
      bounds.add(Math.max(c.unitStart, para.start));
      bounds.add(Math.min(c.unitEnd, para.end));
    }
    if (passage) {
      bounds.add(Math.max(passage[0], para.start));
      bounds.add(Math.min(passage[1], para.end));
    }
    const points = [...bounds].sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const piece = text.slice(from, to);
      const over = inside.filter((c) => c.unitStart <= from && c.unitEnd >= to);
      // Inside the passage a link pointed to: the piece goes in a <mark>.
      const marked = passage && passage[0] <= from && passage[1] >= to;
      const target = marked ? fragment.appendChild(h('mark', {class: 'passage'})) : fragment;
      if (!over.length) {
        target.appendChild(document.createTextNode(piece));
        continue;
      }
      const span = h('span', {class: 'hl', 'data-ids': over.map((c) => c.id).join(' ')}, piece);
      const colours = over.map((c) => highlight(codeColour(state.codesByPath.get(c.code) || {path: c.code})));
      if (colours.length === 1) {
        span.style.setProperty('background-color', colours[0]);
      } else {
        const step = 100 / colours.length;
        const bands = colours.map((colour, k) => `${colour} ${k * step}% ${(k + 1) * step}%`);
        span.style.setProperty('background-image', `linear-gradient(to bottom, ${bands.join(', ')})`);
        span.classList.add('overlap');
      }
      target.appendChild(span);
    }
    clear(para.element).appendChild(fragment);
    return true;
  }

  scheduleLayout() {
    if (this.layoutPending) return;
    this.layoutPending = true;
    requestAnimationFrame(() => {
      this.layoutPending = false;
      this.#layoutStripes();
    });
  }

  // One button per coding beside its lines; overlapping ones in lanes.
  #layoutStripes() {
    clear(this.stripes);
    if (!this.index) return;
    const top = this.stripes.getBoundingClientRect().top;
    const laneEnds = [];
    const sorted = [...this.codings].sort((a, b) => a.unitStart - b.unitStart || b.unitEnd - a.unitEnd);
    for (const coding of sorted) {
      const range = this.domRange(coding.unitStart, coding.unitEnd);
      if (!range) continue;
      const rects = [...range.getClientRects()].filter((r) => r.height > 0);
      if (!rects.length) continue;
      const y0 = Math.min(...rects.map((r) => r.top)) - top;
      const y1 = Math.max(...rects.map((r) => r.bottom)) - top;
      let lane = laneEnds.findIndex((end) => end <= y0 + 1);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = y1;
      const code = state.codesByPath.get(coding.code) || {path: coding.code};
      const stripe = h('button', {
        type: 'button',
        class: 'stripe',
        'aria-label': this.describe(coding),
        'data-id': coding.id,
        onclick: () => this.onOpenCodings([coding.id], stripe),
        onfocus: () => this.onHover([coding.id], stripe),
        onblur: () => this.onHover(null),
        onmouseenter: () => this.onHover([coding.id], stripe),
        onmouseleave: () => this.onHover(null),
      });
      stripe.style.setProperty('top', `${y0}px`);
      stripe.style.setProperty('height', `${Math.max(8, y1 - y0)}px`);
      stripe.style.setProperty('right', `${lane * kLane}px`);
      stripe.style.setProperty('background-color', codeColour(code));
      this.stripes.appendChild(stripe);
    }
  }

  // "motivatie/willen, anna: “ik wilde zelf…”" — a coding in words.
  describe(coding) {
    const excerpt = this.index.text.slice(coding.unitStart, coding.unitEnd).replace(/\s+/g, ' ');
    const short = excerpt.length > 60 ? `${excerpt.slice(0, 57)}…` : excerpt;
    const memo = coding.memo ? `, ${t('memo')}: ${coding.memo}` : '';
    return `${coding.code}, ${coding.coder}${memo}: “${short}”`;
  }

  coding(id) {
    return this.byId.get(id);
  }

  codingsAt(element) {
    const span = element instanceof Element ? element.closest('.hl') : null;
    return span ? span.dataset.ids.split(' ').filter((id) => this.byId.has(id)) : [];
  }

  #click(event) {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;  // a selection, not a click
    const ids = this.codingsAt(event.target);
    if (ids.length) this.onOpenCodings(ids, event.target.closest('.hl'));
  }

  #hover(event) {
    const ids = this.codingsAt(event.target);
    this.onHover(ids.length ? ids : null, ids.length ? event.target.closest('.hl') : null);
  }

  // The paragraph holding UTF-16 offset `unit` (the last one starting at or before it).
  #paraAt(unit) {
    let low = 0;
    let high = this.paras.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.paras[mid].start <= unit) low = mid;
      else high = mid - 1;
    }
    return this.paras[low];
  }

  // A DOM Range over [start, end) UTF-16 units of the text.
  domRange(start, end) {
    const a = this.#domPoint(start, false);
    const b = this.#domPoint(end, true);
    if (!a || !b) return null;
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  #domPoint(unit, isEnd) {
    if (!this.paras.length) return null;
    let para = this.#paraAt(unit);
    if (isEnd && unit === para.start && para.element.previousElementSibling) {
      para = this.paras[Number(para.element.dataset.i) - 1];
    }
    let local = Math.max(0, Math.min(unit, para.end) - para.start);
    const walker = document.createTreeWalker(para.element, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      last = node;
      if (local < node.length || (local === node.length && isEnd)) return {node, offset: local};
      local -= node.length;
    }
    return last ? {node: last, offset: last.length} : {node: para.element, offset: 0};
  }

  // The UTF-16 offset of a DOM point in the text, or null outside it.
  unitAt(node, offset) {
    if (!this.textbox.contains(node)) return null;
    if (node === this.textbox) {
      const next = this.textbox.children[offset];
      if (next) return this.paras[Number(next.dataset.i)].start;
      return this.paras.length ? this.paras[this.paras.length - 1].end : 0;
    }
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const paraElement = element.closest('.para');
    if (!paraElement) return null;
    const para = this.paras[Number(paraElement.dataset.i)];
    let local = 0;
    let target = node;
    let within = offset;
    if (node.nodeType !== Node.TEXT_NODE) {
      // A point between children: count the text before child `offset`.
      target = node.childNodes[offset] || null;
      within = 0;
      if (!target) return para.start + textLength(node) + textBefore(paraElement, node);
    }
    const walker = document.createTreeWalker(paraElement, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text === target || (target.nodeType !== Node.TEXT_NODE && target.contains(text))) {
        return para.start + local + (text === target ? within : 0);
      }
      local += text.length;
    }
    return para.start + local;
  }

  // The current DOM selection as [start, end) UTF-16 units, or null.
  selectedUnits() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const start = this.unitAt(range.startContainer, range.startOffset);
    const end = this.unitAt(range.endContainer, range.endOffset);
    if (start === null || end === null || start >= end) return null;
    return [start, end];
  }

  // Selects [start, end) units in the page.
  select(start, end) {
    const range = this.domRange(start, end);
    if (!range) return;
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
}

function textLength(node) {
  return node.textContent.length;
}

// UTF-16 units of text in `root` before `node` (document order).
function textBefore(root, node) {
  let length = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (node.contains(text) || (node.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    length += text.length;
  }
  return length;
}
