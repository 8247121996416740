// What the page knows: the project, the codebook, the open story, and the
// coder's recent and pinned codes (kept in localStorage per project file).
// Views subscribe to named changes ('codebook', 'story', 'lang').

const listeners = new Map();

export const state = {
  project: null,     // GET /api/project
  codes: [],         // GET /api/codebook codes, tree order
  codesByPath: new Map(),
  story: null,       // GET /api/stories/{key}
  storyKey: '',
};

export function on(name, listener) {
  if (!listeners.has(name)) listeners.set(name, []);
  listeners.get(name).push(listener);
}

export function emit(name, detail) {
  for (const listener of listeners.get(name) || []) listener(detail);
}

export function setCodes(codes) {
  state.codes = codes;
  state.codesByPath = new Map(codes.map((code) => [code.path, code]));
  emit('codebook');
}

// Codes that can be applied: codable and not retired.
export function codableCodes() {
  return state.codes.filter((code) => code.codable !== false && !code.retired);
}

function storageKey(what) {
  const project = state.project;
  return `verhaal:${project ? project.file : ''}:${project ? project.you : ''}:${what}`;
}

function readList(what) {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey(what)) || '[]');
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function writeList(what, list) {
  try {
    localStorage.setItem(storageKey(what), JSON.stringify(list));
  } catch {
    // Private windows may refuse storage; the lists then last for the page.
  }
}

// The codes used most recently, newest first.
export function recentCodes() {
  return readList('recent').filter((path) => state.codesByPath.has(path));
}

export function noteUsed(path) {
  writeList('recent', [path, ...readList('recent').filter((p) => p !== path)].slice(0, 20));
}

// Codes on keys 1-9: those the coder pinned, else the first nine codable.
export function pinnedCodes() {
  const pinned = readList('pinned').filter((path) => state.codesByPath.has(path));
  if (pinned.length) return pinned.slice(0, 9);
  return codableCodes().slice(0, 9).map((code) => code.path);
}

export function isPinned(path) {
  return readList('pinned').includes(path);
}

export function togglePin(path) {
  let pinned = readList('pinned').filter((p) => state.codesByPath.has(p));
  if (!pinned.length) pinned = [];
  pinned = pinned.includes(path) ? pinned.filter((p) => p !== path) : [...pinned, path].slice(0, 9);
  writeList('pinned', pinned);
  emit('codebook');
}
