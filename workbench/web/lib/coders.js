// Whose codings an answer counts (the `coders` object of GET /api/matrix,
// /api/code/passages and /api/signifiers/plot) in the page's language, as
// CoderSelection::Describe says it in the CLI (coding/analysis_coders.cc):
// "anna, bram (the analysis set), combined: any coder".

import {t} from './i18n.js';

// As CoderSelection::CombineText: each separately, one coder, any, all n, at
// least k of n.
function combineText(c) {
  if (c.combine === 'each') return t('combineText.each');
  const n = c.names.length;
  if (n <= 1) return t('combineText.one');
  if (c.min_coders <= 1) return t('combineText.any');
  if (c.min_coders >= n) return t('combineText.all', {n});
  return t('combineText.min', {k: c.min_coders, n});
}

export function codersText(c) {
  if (!c.names.length) return t('codersNone');
  const speaker = !c.speaker ? ''
    : c.speaker === 'interviewer' || c.speaker === 'respondent' ? t(`speakerText.${c.speaker}`)
      : t('speakerText.label', {speaker: c.speaker});
  return t('headerCoders', {
    names: c.names.join(', '), source: t(`source.${c.source}`, {}, c.source), combine: combineText(c),
  }) + speaker;
}
