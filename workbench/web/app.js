// The workbench page: loads the project, wires the views together, follows
// the address (#story=KEY, #story=KEY&at=START-END for a passage, #code?...
// for the Code view, #matrix?... for the Matrix view, #team for the Team view,
// #memos?... for the Memos view, #rules?... for the Rules view, #privacy?...
// for the Privacy view, #signifiers?... for the Signifiers view), handles undo/redo and the
// global keys, and listens to the server's events to show others' changes
// live.

import * as api from './lib/api.js';
import {byId, isTyping} from './lib/dom.js';
import {t, chooseLanguage, setLanguage, currentLanguage, onLanguage} from './lib/i18n.js';
import {state, setCodes} from './lib/state.js';
import {StoryList} from './views/story_list.js';
import {StoryText} from './views/story_text.js';
import {renderHeader} from './views/story_header.js';
import {Palette} from './views/palette.js';
import {Coder} from './views/coder.js';
import {CodingDialog} from './views/coding_dialog.js';
import {CodebookPanel} from './views/codebook_panel.js';
import {showTooltip, hideTooltip} from './views/tooltip.js';
import {MatrixView} from './views/matrix.js';
import {CodeView} from './views/code.js';
import {TeamView, teamAllowed} from './views/team.js';
import {MemosView} from './views/memos.js';
import {RulesView} from './views/rules.js';
import {PrivacyView} from './views/privacy.js';
import {SignifiersView} from './views/signifiers.js';

function announce(message) {
  const status = byId('status');
  status.textContent = '';
  byId('alert').textContent = '';
  // A new text node each time, so screen readers say it again.
  requestAnimationFrame(() => { status.textContent = message; });
}

function fail(error) {
  let message = error && error.message ? error.message : String(error);
  if (error && error.status === 401) message = t('signIn');
  else if (error && error.status === 0) message = t('offline');
  byId('alert').textContent = t('error', {message});
}

const text = new StoryText(byId('story-text'), byId('stripes'), {
  onOpenCodings: (ids, anchor) => codingDialog.open(ids, anchor),
  onHover: (ids, anchor) => (ids ? showTooltip(ids.map((id) => text.coding(id)).filter(Boolean), anchor) : hideTooltip()),
});
const palette = new Palette();
const list = new StoryList({fail, announce});
const coder = new Coder(text, palette, {onChanged: () => refresh(), announce, fail});
const codingDialog = new CodingDialog(text, palette, {onChanged: () => refresh(), announce, fail});
new CodebookPanel({onChanged: () => refresh({codebook: true}), announce, fail});
const matrix = new MatrixView({fail, announce});
const code = new CodeView({fail, announce});
const team = new TeamView({fail, announce});
const memos = new MemosView({fail, announce});
const rules = new RulesView({fail, announce});
const privacy = new PrivacyView({fail, announce});
const signifiers = new SignifiersView({
  fail,
  announce,
  onSetsChanged: () => loadSets(),
  showSetInList: async (name) => {
    location.hash = '';
    await list.showSet(name);
  },
});

// The story sets, for every view that filters by them.
async function loadSets() {
  try {
    const {sets} = await api.getSets();
    list.setSets(sets);
    matrix.setSets(sets);
    signifiers.setSets(sets);
  } catch (error) {
    fail(error);
  }
}

async function loadCodebook() {
  const codebook = await api.getCodebook();
  setCodes(codebook.codes || []);
  text.recolour();
}

// Opens the story `key`; `passage` ({start, end} code points, or null)
// marks a passage and scrolls to it; undefined keeps the mark there is.
async function openStory(key, passage) {
  try {
    const story = await api.getStory(key);
    const changedStory = state.storyKey !== story.key;
    state.story = story;
    state.storyKey = story.key;
    byId('no-story').hidden = true;
    byId('story').hidden = false;
    renderHeader(story);
    if (changedStory) {
      text.clear();
      coder.reset();
    }
    byId('nav-stories').href = `#story=${encodeURIComponent(story.key)}`;
    if (passage !== undefined) text.setPassage(passage);
    else if (changedStory) text.setPassage(null);
    text.show(story);
    if (passage) requestAnimationFrame(() => text.revealPassage());
    list.noteCoders(story.codings);
    list.markCurrent();
  } catch (error) {
    fail(error);
  }
}

// Reloads the open story (and the codebook's counts and the list soon after).
let listTimer = 0;
async function refresh({codebook = false} = {}) {
  const jobs = [];
  if (state.storyKey) jobs.push(openStory(state.storyKey));
  jobs.push(codebook ? loadCodebook() : loadCodebookQuietly());
  try {
    await Promise.all(jobs);
  } catch (error) {
    fail(error);
  }
  clearTimeout(listTimer);
  listTimer = setTimeout(() => list.reload(), codebook ? 0 : 400);
}

async function loadCodebookQuietly() {
  try {
    const codebook = await api.getCodebook();
    setCodes(codebook.codes || []);
  } catch (error) {
    fail(error);
  }
}

async function step(which) {
  try {
    const result = which === 'undo' ? await api.undo() : await api.redo();
    const what = t(`step.${result.undone || result.redone}`, {}, result.undone || result.redone);
    announce(t(which === 'undo' ? 'undone' : 'redone', {what}));
    if (result.story && result.story !== state.storyKey) {
      location.hash = `story=${encodeURIComponent(result.story)}`;
    }
    await refresh();
  } catch (error) {
    if (error.status === 409) announce(error.message || t(which === 'undo' ? 'nothingToUndo' : 'nothingToRedo'));
    else fail(error);
  }
}

function storyFromHash() {
  const match = /^#story=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : '';
}

// The passage of #story=KEY&at=START-END, or null.
function passageFromHash() {
  const match = /&at=(\d+)-(\d+)/.exec(location.hash);
  return match ? {start: Number(match[1]), end: Number(match[2])} : null;
}

function matrixShown() {
  return !byId('matrix-view').hidden;
}

function teamShown() {
  return !byId('team-view').hidden;
}

function codeShown() {
  return !byId('code-view').hidden;
}

function memosShown() {
  return !byId('memos-view').hidden;
}

function rulesShown() {
  return !byId('rules-view').hidden;
}

function privacyShown() {
  return !byId('privacy-view').hidden;
}

function signifiersShown() {
  return !byId('signifiers-view').hidden;
}

// Shows the view the address names: the Code view, the Matrix view, the
// Team view, the Memos view, or the stories with the story (and passage) it
// names.
async function route() {
  const onMatrix = location.hash.startsWith('#matrix');
  const onCode = location.hash.startsWith('#code');
  const onTeam = !onMatrix && location.hash.startsWith('#team') && teamAllowed(state.project);
  const onMemos = location.hash.startsWith('#memos');
  const onRules = location.hash.startsWith('#rules') && teamAllowed(state.project);
  const onPrivacy = location.hash.startsWith('#privacy') && teamAllowed(state.project);
  const onSignifiers = location.hash.startsWith('#signifiers');
  byId('signifiers-view').hidden = !onSignifiers;
  byId('matrix-view').hidden = !onMatrix;
  byId('code-view').hidden = !onCode;
  byId('team-view').hidden = !onTeam;
  byId('memos-view').hidden = !onMemos;
  byId('rules-view').hidden = !onRules;
  byId('privacy-view').hidden = !onPrivacy;
  const elsewhere = onMatrix || onTeam || onCode || onMemos || onRules || onPrivacy || onSignifiers;
  byId('workspace').hidden = elsewhere;
  byId('nav-matrix').toggleAttribute('aria-current', onMatrix);
  byId('nav-code').toggleAttribute('aria-current', onCode);
  byId('nav-team').toggleAttribute('aria-current', onTeam);
  byId('nav-memos').toggleAttribute('aria-current', onMemos);
  byId('nav-rules').toggleAttribute('aria-current', onRules);
  byId('nav-privacy').toggleAttribute('aria-current', onPrivacy);
  byId('nav-signifiers').toggleAttribute('aria-current', onSignifiers);
  byId('nav-stories').toggleAttribute('aria-current', !elsewhere);
  if (onSignifiers) {
    byId('nav-signifiers').setAttribute('aria-current', 'page');
    await signifiers.show(location.hash);
    byId('nav-signifiers').href = signifiers.hash();
    return;
  }
  if (onPrivacy) {
    byId('nav-privacy').setAttribute('aria-current', 'page');
    await privacy.show(location.hash);
    byId('nav-privacy').href = privacy.hash();
    return;
  }
  if (onRules) {
    byId('nav-rules').setAttribute('aria-current', 'page');
    await rules.show(location.hash);
    byId('nav-rules').href = rules.hash();
    return;
  }
  if (onMemos) {
    byId('nav-memos').setAttribute('aria-current', 'page');
    await memos.show(location.hash);
    byId('nav-memos').href = memos.hash();
    return;
  }
  if (onCode) {
    byId('nav-code').setAttribute('aria-current', 'page');
    await code.show(location.hash);
    byId('nav-code').href = code.hash();
    return;
  }
  if (onTeam) {
    byId('nav-team').setAttribute('aria-current', 'page');
    await team.show();
    return;
  }
  if (onMatrix) {
    byId('nav-matrix').setAttribute('aria-current', 'page');
    await matrix.show(location.hash);
    byId('nav-matrix').href = matrix.hash();
    return;
  }
  byId('nav-stories').setAttribute('aria-current', 'page');
  const key = storyFromHash();
  if (key) await openStory(key, passageFromHash());
}

function anyDialogOpen() {
  return [...document.querySelectorAll('dialog')].some((dialog) => dialog.open);
}

document.addEventListener('keydown', (event) => {
  if (anyDialogOpen() || matrixShown() || teamShown() || codeShown() || memosShown() || rulesShown() || privacyShown() ||
      signifiersShown()) return;
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (ctrl && !event.altKey && (key === 'z' || key === 'y') && !isTyping(event.target)) {
    event.preventDefault();
    step(key === 'y' || event.shiftKey ? 'redo' : 'undo');
    return;
  }
  if (ctrl || event.altKey || isTyping(event.target)) return;
  if (key === 'j' || key === 'k') {
    event.preventDefault();
    list.step(key === 'j' ? 1 : -1);
  } else if (key === 'n' && !event.shiftKey) {
    event.preventDefault();
    list.nextUncoded();
  }
});

// A click outside the text and its buttons drops the pending selection.
document.addEventListener('mousedown', (event) => {
  const inside = event.target instanceof Element &&
      event.target.closest('#story-text, #code-button, #pinned, dialog');
  if (!inside) coder.reset();
});

byId('undo').addEventListener('click', () => step('undo'));
byId('redo').addEventListener('click', () => step('redo'));
byId('lang').addEventListener('change', (event) => setLanguage(event.target.value));
onLanguage((lang) => {
  byId('lang').value = lang;
  if (state.project) byId('you').textContent = t('you', {coder: state.project.you});
  if (state.story) renderHeader(state.story);
});
window.addEventListener('hashchange', () => route());
// The Matrix link returns to the matrix last shown.
window.addEventListener('popstate', () => {
  if (matrixShown()) byId('nav-matrix').href = matrix.hash();
});
byId('matrix-form').addEventListener('change', () => { byId('nav-matrix').href = matrix.hash(); });

let eventTimer = 0;
function onServerEvent(type, data) {
  if (type === 'sets') {
    loadSets();
    return;
  }
  if (signifiersShown() && type !== 'codebook' && type !== 'privacy') signifiers.reload();
  if (matrixShown() && type !== 'codebook') matrix.reload();
  if (teamShown()) team.reload();
  if (codeShown() && type !== 'codebook') code.reload();
  if (memosShown()) memos.reload();
  if (rulesShown() && type !== 'codebook') rules.reload();
  if (privacyShown() && type !== 'codebook') privacy.reload();
  if (type === 'privacy') return;
  if (type === 'coding' && data.story && data.story !== state.storyKey) {
    clearTimeout(listTimer);
    listTimer = setTimeout(() => { list.reload(); loadCodebookQuietly(); }, 400);
    return;
  }
  clearTimeout(eventTimer);
  eventTimer = setTimeout(() => {
    refresh({codebook: type !== 'coding'});
    if (type === 'external') announce(t('changedElsewhere'));
    else if (type === 'coding' && data.coder) announce(t('updated', {what: `${data.coder}: ${t(`step.${data.action}`, {}, data.action)}`}));
  }, 100);
}

async function start() {
  try {
    const project = await api.getProject();
    // The language first: its listeners see no project yet and so do not
    // ask for the story list a second time.
    chooseLanguage(project.lang);
    state.project = project;
    byId('lang').value = currentLanguage();
    byId('project-name').textContent = project.name || project.file || '';
    byId('you').textContent = t('you', {coder: project.you});
    byId('blind-note').hidden = !project.blind;
    byId('nav-team').hidden = !teamAllowed(project);
    // The rules' codings are another coder's: under --blind the lead's only.
    byId('nav-rules').hidden = !teamAllowed(project);
    // The privacy review shows every coder's coding memos: under --blind the lead's only.
    byId('nav-privacy').hidden = !teamAllowed(project);
    list.setProject(project);
    matrix.setProject(project);
    code.setProject(project);
    // Side by side: the story list does not wait for the codebook's counts.
    // The signifiers' colour choices name the codes, so they come after.
    await Promise.all([
      loadCodebook().then(() => signifiers.setProject(project)),
      loadSets(),
      list.reload(),
    ]);
    await route();
    api.listen(onServerEvent);
  } catch (error) {
    chooseLanguage('');
    fail(error);
  }
}

start();
