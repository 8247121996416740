// Dutch and English. The language is the one chosen in the page (kept in
// localStorage), else `verhaal serve --lang`, else the browser's. Static
// text in index.html carries data-i18n (text), data-i18n-label (aria-label),
// data-i18n-title and data-i18n-placeholder attributes.

const strings = {
  en: {
    appTitle: 'verhaal workbench',
    skip: 'Skip to the story',
    you: 'Coder: {coder}',
    blind: 'Blind coding: you see only your own codings',
    language: 'Language',
    undo: 'Undo',
    redo: 'Redo',
    undone: 'Undone: {what}',
    redone: 'Redone: {what}',
    'step.add': 'coding added',
    'step.change': 'coding changed',
    'step.remove': 'coding removed',
    nothingToUndo: 'Nothing to undo',
    nothingToRedo: 'Nothing to redo',
    stories: 'Stories',
    search: 'Search',
    searchStories: 'Search stories',
    filters: 'Filters',
    role: 'Role',
    kind: 'Kind',
    wave: 'Wave',
    code: 'Code',
    coder: 'Coder',
    status: 'Coded',
    all: 'all',
    onlyCoded: 'coded',
    onlyUncoded: 'not coded',
    more: 'More stories',
    nextUncoded: 'Next uncoded story',
    listKeys: 'Keys: j next story, k previous story',
    storiesCount: '{n} of {all} stories',
    codedShown: '{n} coded stories shown',
    codingsCount: '{n} codings',
    'codingsCount.one': '1 coding',
    uncoded: 'not coded',
    noUncoded: 'No uncoded stories left with these filters',
    story: 'Story',
    respondent: 'Respondent',
    date: 'Date',
    'kind.experience': 'experience',
    'kind.reflection': 'reflection',
    'kind.interview': 'interview',
    'kind.other': 'other',
    signifiers: 'Signifier answers',
    storyMemos: 'Memos on this story',
    notApplicable: 'not applicable',
    noAnswer: 'no answer',
    dyadAnswer: '{title}: {value} of the way from {low} to {high}',
    triadAnswer: '{title}: {top} {a}, {left} {b}, {right} {c}',
    storyText: 'Story text',
    textHelp: 'Select text with the mouse or Shift+arrow keys, then press Enter or the Code button; keys 1–9 apply the pinned codes; Alt keeps the exact selection instead of whole words.',
    codingsHere: 'Codings in this story',
    codeButton: 'Code',
    codeWholeStory: 'Code the whole story',
    codeSelection: 'Code the selection',
    pinned: 'Pinned codes (keys 1–9)',
    pinnedKey: 'Key {key}',
    selectFirst: 'Select text in the story first',
    findCode: 'Find a code',
    codes: 'Codes',
    recent: 'recent',
    noCodesMatch: 'No code matches',
    cancel: 'Cancel',
    close: 'Close',
    coded: 'Coded {code} (characters {start}–{end})',
    codedWhole: 'Coded the whole story as {code}',
    codingDialog: 'Codings here',
    codedBy: 'by {coder}',
    characters: 'characters {start}–{end}',
    memo: 'Memo',
    saveMemo: 'Save memo',
    changeCode: 'Change code',
    changeCodeOf: 'Change the code {code}',
    removeCoding: 'Remove',
    notYours: 'Another coder’s coding: you can read it, not change it.',
    memoSaved: 'Memo saved',
    codeChanged: '{from} is now {to}',
    codingRemoved: 'Removed the coding {code}',
    codebook: 'Codebook',
    addCode: 'Add a code',
    edit: 'Edit',
    editCode: 'Edit {code}',
    pin: 'Pin',
    pinCode: 'Pin {code} to a number key',
    codingsOf: 'codings of {code} and its sub-codes',
    name: 'Name',
    parent: 'Parent',
    topLevel: '(top level)',
    colour: 'Colour',
    description: 'Definition',
    save: 'Save',
    mergeInto: 'Merge into',
    merge: 'Merge',
    chooseMergeTarget: 'Choose the code to merge into',
    codeAdded: 'Added the code {code}',
    merged: 'Merged {from} into {into}: {n} codings moved',
    'merged.one': 'Merged {from} into {into}: 1 coding moved',
    chooseStory: 'Choose a story from the list.',
    updated: 'Updated: {what}',
    changedElsewhere: 'The project was changed by another program; reloaded',
    error: 'Error: {message}',
    offline: 'The server cannot be reached. Is verhaal serve still running?',
    signIn: 'Your session has ended. Open the link that verhaal serve printed again.',
  },
  nl: {
    appTitle: 'verhaal werkbank',
    skip: 'Naar het verhaal',
    you: 'Codeur: {coder}',
    blind: 'Blind coderen: je ziet alleen je eigen coderingen',
    language: 'Taal',
    undo: 'Ongedaan maken',
    redo: 'Opnieuw',
    undone: 'Ongedaan gemaakt: {what}',
    redone: 'Opnieuw gedaan: {what}',
    'step.add': 'codering toegevoegd',
    'step.change': 'codering gewijzigd',
    'step.remove': 'codering verwijderd',
    nothingToUndo: 'Er is niets ongedaan te maken',
    nothingToRedo: 'Er is niets opnieuw te doen',
    stories: 'Verhalen',
    search: 'Zoeken',
    searchStories: 'Verhalen doorzoeken',
    filters: 'Filters',
    role: 'Rol',
    kind: 'Soort',
    wave: 'Meting',
    code: 'Code',
    coder: 'Codeur',
    status: 'Gecodeerd',
    all: 'alle',
    onlyCoded: 'gecodeerd',
    onlyUncoded: 'ongecodeerd',
    more: 'Meer verhalen',
    nextUncoded: 'Volgend ongecodeerd verhaal',
    listKeys: 'Toetsen: j volgend verhaal, k vorig verhaal',
    storiesCount: '{n} van {all} verhalen',
    codedShown: '{n} gecodeerde verhalen getoond',
    codingsCount: '{n} coderingen',
    'codingsCount.one': '1 codering',
    uncoded: 'ongecodeerd',
    noUncoded: 'Geen ongecodeerde verhalen meer met deze filters',
    story: 'Verhaal',
    respondent: 'Respondent',
    date: 'Datum',
    'kind.experience': 'ervaringsverhaal',
    'kind.reflection': 'reflectie',
    'kind.interview': 'interview',
    'kind.other': 'overig',
    signifiers: 'Antwoorden op de signifiers',
    storyMemos: 'Memo\'s bij dit verhaal',
    notApplicable: 'n.v.t.',
    noAnswer: 'geen antwoord',
    dyadAnswer: '{title}: {value} van {low} naar {high}',
    triadAnswer: '{title}: {top} {a}, {left} {b}, {right} {c}',
    storyText: 'Tekst van het verhaal',
    textHelp: 'Selecteer tekst met de muis of met Shift+pijltjestoetsen en druk op Enter of op Coderen; de toetsen 1–9 geven de vastgezette codes; met Alt blijft de selectie precies zoals hij is in plaats van hele woorden.',
    codingsHere: 'Coderingen in dit verhaal',
    codeButton: 'Coderen',
    codeWholeStory: 'Hele verhaal coderen',
    codeSelection: 'Selectie coderen',
    pinned: 'Vastgezette codes (toetsen 1–9)',
    pinnedKey: 'Toets {key}',
    selectFirst: 'Selecteer eerst tekst in het verhaal',
    findCode: 'Code zoeken',
    codes: 'Codes',
    recent: 'recent',
    noCodesMatch: 'Geen code gevonden',
    cancel: 'Annuleren',
    close: 'Sluiten',
    coded: '{code} gecodeerd (tekens {start}–{end})',
    codedWhole: 'Hele verhaal gecodeerd als {code}',
    codingDialog: 'Coderingen hier',
    codedBy: 'door {coder}',
    characters: 'tekens {start}–{end}',
    memo: 'Memo',
    saveMemo: 'Memo opslaan',
    changeCode: 'Andere code',
    changeCodeOf: 'Andere code voor {code}',
    removeCoding: 'Verwijderen',
    notYours: 'Codering van een andere codeur: je kunt hem lezen, niet wijzigen.',
    memoSaved: 'Memo opgeslagen',
    codeChanged: '{from} is nu {to}',
    codingRemoved: 'Codering {code} verwijderd',
    codebook: 'Codeboek',
    addCode: 'Code toevoegen',
    edit: 'Bewerken',
    editCode: '{code} bewerken',
    pin: 'Vastzetten',
    pinCode: '{code} vastzetten onder een cijfertoets',
    codingsOf: 'coderingen met {code} en de subcodes',
    name: 'Naam',
    parent: 'Valt onder',
    topLevel: '(bovenste niveau)',
    colour: 'Kleur',
    description: 'Omschrijving',
    save: 'Opslaan',
    mergeInto: 'Samenvoegen met',
    merge: 'Samenvoegen',
    chooseMergeTarget: 'Kies de code waarmee je wilt samenvoegen',
    codeAdded: 'Code {code} toegevoegd',
    merged: '{from} samengevoegd met {into}: {n} coderingen verplaatst',
    'merged.one': '{from} samengevoegd met {into}: 1 codering verplaatst',
    chooseStory: 'Kies een verhaal uit de lijst.',
    updated: 'Bijgewerkt: {what}',
    changedElsewhere: 'Het project is door een ander programma gewijzigd; opnieuw geladen',
    error: 'Fout: {message}',
    offline: 'De server is niet bereikbaar. Draait verhaal serve nog?',
    signIn: 'Je sessie is verlopen. Open de link die verhaal serve gaf opnieuw.',
  },
};

export const languages = {en: 'English', nl: 'Nederlands'};
let language = 'en';
const listeners = [];

export function chooseLanguage(serverDefault) {
  let chosen = '';
  try {
    chosen = localStorage.getItem('verhaal:lang') || '';
  } catch {
    // No storage: fall through to the other choices.
  }
  if (!strings[chosen]) chosen = strings[serverDefault] ? serverDefault : '';
  if (!strings[chosen]) {
    const browser = (navigator.languages || [navigator.language || 'en']).map((l) => l.slice(0, 2).toLowerCase());
    chosen = browser.find((l) => strings[l]) || 'en';
  }
  setLanguage(chosen, false);
}

export function setLanguage(lang, remember = true) {
  if (!strings[lang]) return;
  language = lang;
  if (remember) {
    try {
      localStorage.setItem('verhaal:lang', lang);
    } catch {
      // The choice then lasts for this page only.
    }
  }
  document.documentElement.lang = lang;
  translatePage();
  for (const listener of listeners) listener(lang);
}

export function currentLanguage() {
  return language;
}

export function onLanguage(listener) {
  listeners.push(listener);
}

// The string `key` with {name} replaced from `params`; `fallback` (or the
// key) when there is no such string.
// A count of one (params.n === 1) uses the string `key.one` when there is one.
export function t(key, params = {}, fallback) {
  if (params.n === 1 && strings.en[`${key}.one`]) key = `${key}.one`;
  const template = strings[language][key] ?? strings.en[key] ?? fallback ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function translatePage() {
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const [attribute, name] of [['i18nLabel', 'aria-label'], ['i18nTitle', 'title'], ['i18nPlaceholder', 'placeholder']]) {
    for (const element of document.querySelectorAll(`[data-${attribute.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`)) {
      element.setAttribute(name, t(element.dataset[attribute]));
    }
  }
  document.title = t('appTitle');
}
