// Pagefind writes its filter and metadata chunks (and so the entry file naming them) in an order
// that differs between runs on the same input (Pagefind issue #638: only fragments were made
// stable). Those files cannot tell two builds apart; every page, fragment and index chunk can.

/** True for a bundle file (in the primary bundle or a part's) whose bytes vary between runs. */
export function isUnstablePagefindFile(sitePath: string): boolean {
  return /^pagefind\/(?:[^/]+\/)?(?:filter\/|pagefind\.[^/]+\.pf_meta$|pagefind-entry\.json$)/.test(sitePath);
}

/**
 * A bundle file's bytes as two builds of the same pages agree on them: a part's manifest
 * (`broadsheet-part.json`) records its bundle's size, which includes the files above, so its
 * size is left out; every other file is returned as it is.
 */
export function stableBundleBytes(sitePath: string, bytes: Buffer): Buffer {
  if (!sitePath.endsWith('broadsheet-part.json')) return bytes;
  const manifest = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  delete manifest.size;
  return Buffer.from(JSON.stringify(manifest));
}
