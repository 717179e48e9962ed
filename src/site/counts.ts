// Counts as the interface writes them: grouped the English way (1,357 articles), the same on every
// page, since the charts' summaries and the term pages already wrote them so.

/** `1,357`. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en');
}

/** `1 article`, `1,357 articles`. */
export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}
