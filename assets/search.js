// Search page: Pagefind's UI, with the query kept in ?q= so searches are shareable links and the
// header's plain search form lands here with its query.
const container = document.getElementById('search');
// The first bundle is the primary index; any others are merged into it at query time.
const [bundlePath, ...mergedBundles] = JSON.parse(container.dataset.bundlePaths);
const baseUrl = container.dataset.baseUrl;

const { PagefindUI } = await import(`${bundlePath}pagefind-ui.js`).then(() => window);

const ui = new PagefindUI({
  element: '#search',
  bundlePath,
  baseUrl,
  mergeIndex: mergedBundles.map((path) => ({ bundlePath: path })),
  showSubResults: false,
  showImages: false,
  resetStyles: false,
  highlightParam: 'highlight',
  autofocus: true,
});

const query = new URLSearchParams(window.location.search).get('q');
if (query) ui.triggerSearch(query);

// Keep ?q= in step with what is typed, without adding a history entry per keystroke.
container.addEventListener('input', (event) => {
  if (!(event.target instanceof HTMLInputElement)) return;
  const url = new URL(window.location.href);
  if (event.target.value) url.searchParams.set('q', event.target.value);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
});
