// closeBidi and isolateBidi on their own: which closers a title part gets, in the order the
// Unicode Bidirectional Algorithm pairs them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closeBidi, isolateBidi } from '../../src/site/bidi.ts';

const [RLO, PDF, RLI, PDI, FSI] = ['\u202E', '\u202C', '\u2067', '\u2069', '\u2068'];

describe('closing a title part’s direction controls', () => {
  it('leaves balanced text and stray closers as they are', () => {
    assert.equal(closeBidi(`a ${RLO}b${PDF} c`), `a ${RLO}b${PDF} c`);
    assert.equal(closeBidi(`a ${PDF}${PDI} b`), `a ${PDF}${PDI} b`);
  });

  it('closes what is left open, innermost first', () => {
    assert.equal(closeBidi(`a ${RLO}b ${RLI}c`), `a ${RLO}b ${RLI}c${PDI}${PDF}`);
  });

  it('does not let a PDF close an embedding from outside an open isolate', () => {
    assert.equal(closeBidi(`${RLO}a ${RLI}b${PDF}`), `${RLO}a ${RLI}b${PDF}${PDI}${PDF}`);
  });

  it('counts a PDI as closing the embeddings opened inside its isolate', () => {
    assert.equal(closeBidi(`${RLI}a ${RLO}b${PDI}`), `${RLI}a ${RLO}b${PDI}`);
  });

  it('isolates a part with right-to-left letters or controls and leaves plain left-to-right text alone', () => {
    assert.equal(isolateBidi('Harbour plan'), 'Harbour plan');
    assert.equal(isolateBidi('خطة الميناء'), `${FSI}خطة الميناء${PDI}`);
    assert.equal(isolateBidi(`a ${RLO}b`), `${FSI}a ${RLO}b${PDF}${PDI}`);
  });
});
