// On an article opened from a search result (?highlight=word), marks the search words in the
// article with Pagefind's highlighter. Otherwise it does nothing and loads nothing more.

const params = new URLSearchParams(window.location.search);
const meta = document.querySelector('[data-search-bundle]');
if (params.has('highlight') && meta) {
  const bundle = meta.getAttribute('data-search-bundle');
  await import(`${bundle}pagefind-highlight.js`);
  // addStyles: false because the site's stylesheet colours the marks (light and dark).
  new window.PagefindHighlight({ highlightParam: 'highlight', addStyles: false });
  const first = document.querySelector('.article-body mark.pagefind-highlight, .article mark.pagefind-highlight');
  if (first && !window.location.hash) first.scrollIntoView({ block: 'center' });
}
