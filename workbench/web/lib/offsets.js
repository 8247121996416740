// Offsets: the API counts Unicode code points, the DOM counts UTF-16 code
// units. A TextIndex holds both maps for one story text (built once per
// story; two typed arrays, ~8 bytes per character), and snaps selections to
// whole words or whole characters (grapheme clusters) with Intl.Segmenter.

export class TextIndex {
  constructor(text) {
    this.text = text;
    const units = text.length;
    this.unitToPoint = new Uint32Array(units + 1);
    const points = [];
    let point = 0;
    for (let unit = 0; unit < units; point++) {
      points.push(unit);
      const code = text.charCodeAt(unit);
      const pair = code >= 0xd800 && code <= 0xdbff && unit + 1 < units &&
          (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00;
      this.unitToPoint[unit] = point;
      if (pair) this.unitToPoint[unit + 1] = point;  // inside a pair: the pair's code point
      unit += pair ? 2 : 1;
    }
    this.unitToPoint[units] = point;
    points.push(units);
    this.pointToUnit = Uint32Array.from(points);
    this.length = point;  // in code points
  }

  // UTF-16 index -> code point index (an index inside a surrogate pair
  // counts as the pair's start).
  point(unit) {
    return this.unitToPoint[Math.max(0, Math.min(unit, this.text.length))];
  }

  // Code point index -> UTF-16 index.
  unit(point) {
    return this.pointToUnit[Math.max(0, Math.min(point, this.length))];
  }

  // Widens [start, end) (UTF-16) to whole words, then trims spaces and
  // punctuation at both ends. Keeps the range when it holds no word.
  snapToWords(start, end) {
    const [from, to] = this.#window(start, end);
    const segments = wordSegmenter().segment(this.text.slice(from, to));
    let newStart = start;
    let newEnd = end;
    for (const {segment, index, isWordLike} of segments) {
      const segStart = from + index;
      const segEnd = segStart + segment.length;
      if (!isWordLike) continue;
      if (segStart < start && segEnd > start) newStart = segStart;
      if (segStart < end && segEnd > end) newEnd = segEnd;
    }
    return this.trim(newStart, newEnd);
  }

  // Trims white space and punctuation around [start, end); unchanged when
  // nothing else is left.
  trim(start, end) {
    const text = this.text;
    let s = start;
    let e = end;
    while (s < e && /[\s\p{P}]/u.test(text[s])) s++;
    while (e > s && /[\s\p{P}]/u.test(text[e - 1])) e--;
    return s < e ? [s, e] : [start, end];
  }

  // Widens [start, end) so that it splits no character (grapheme cluster:
  // an emoji with modifiers, a letter with combining accents).
  snapToCharacters(start, end) {
    const [from, to] = this.#window(start, end);
    let newStart = start;
    let newEnd = end;
    for (const {segment, index} of graphemeSegmenter().segment(this.text.slice(from, to))) {
      const segStart = from + index;
      const segEnd = segStart + segment.length;
      if (segStart < start && segEnd > start) newStart = segStart;
      if (segStart < end && segEnd > end) newEnd = segEnd;
    }
    return [newStart, newEnd];
  }

  // A slice around [start, end) wide enough to see the words at both ends,
  // so a 100k-character story is never segmented whole.
  #window(start, end) {
    const text = this.text;
    let from = Math.max(0, start - 200);
    let to = Math.min(text.length, end + 200);
    while (from > 0 && !/\s/.test(text[from - 1])) from--;
    while (to < text.length && !/\s/.test(text[to])) to++;
    return [from, to];
  }
}

let words = null;
let graphemes = null;
function wordSegmenter() {
  words = words || new Intl.Segmenter(undefined, {granularity: 'word'});
  return words;
}
function graphemeSegmenter() {
  graphemes = graphemes || new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  return graphemes;
}
