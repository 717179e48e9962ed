// On an article opened from a search result (?highlight=word), marks the search words in the
// article with Pagefind's highlighter. Otherwise it does nothing and loads nothing more.

const params = new URLSearchParams(window.location.search);
const meta = document.querySelector('[data-search-bundle]');

/**
 * Whether a highlight word is worth marking: two letters or digits at least, one letter or digit
 * with a symbol or punctuation (`C++`, `C#`: a search for them links here with the word as the
 * text has it), or one character of Chinese, Japanese or Korean, where one syllable is a word
 * (`猫`, `집`). Pagefind's highlighter marks every occurrence of what it is given, so
 * `?highlight="` marked every quote mark in the article, and `?highlight=a` every "a" inside
 * every word.
 */
function worthMarking(word) {
  const letters = word.match(/[\p{L}\p{N}]/gu) ?? [];
  if (letters.length === 1 && /[^\p{L}\p{M}\p{N}\s]/u.test(word)) return true;
  return letters.length >= 2 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word);
}

if (params.has('highlight') && meta) {
  const bundle = meta.getAttribute('data-search-bundle');
  await import(`${bundle}pagefind-highlight.js`);
  // Pagefind's highlighter reads the words from the URL itself: the ones not worth marking are
  // left out as it reads them.
  class Highlight extends window.PagefindHighlight {
    getHighlightParams(name) {
      return super.getHighlightParams(name).filter(worthMarking);
    }
  }
  // addStyles: false because the site's stylesheet colours the marks (light and dark).
  new Highlight({ highlightParam: 'highlight', addStyles: false });
  const first = document.querySelector('.article-body mark.pagefind-highlight, .article mark.pagefind-highlight');
  if (first && !window.location.hash) first.scrollIntoView({ block: 'center' });
}
