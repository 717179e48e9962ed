// Pagefind writes its filter and metadata chunks (and so the entry file naming them) in an order
// that differs between runs on the same input (Pagefind issue #638: only fragments were made
// stable). Those files cannot tell two builds apart; every page, fragment and index chunk can.

/** True for a bundle file (in the primary bundle or a part's) whose bytes vary between runs. */
export function isUnstablePagefindFile(sitePath: string): boolean {
  return /^pagefind\/(?:[^/]+\/)?(?:filter\/|pagefind\.[^/]+\.pf_meta$|pagefind-entry\.json$)/.test(sitePath);
}
