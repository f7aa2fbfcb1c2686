/** dbm translate: one ORM's project written as another's, with its ledger baselined. */
export { translateProject, type TranslateFrom, type TranslateOptions, type TranslateResult } from './translate.js';
export { TranslateError } from './translate-error.js';
export { targetFor } from './targets.js';
export type { RenderContext, TargetRender, TranslatedFile, TranslateTarget } from './types.js';
