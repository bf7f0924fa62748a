// "Is this path inside that folder", for POSIX and Windows paths, on any system.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAtOrUnderAny, isPathInside, pathInsideFolder } from '../../server/src/analysis';

describe('isPathInside', () => {
  it('compares whole segments, so a sibling sharing a prefix is outside', () => {
    assert.equal(isPathInside('/ws/a.md', '/ws'), true);
    assert.equal(isPathInside('/ws-old/a.md', '/ws'), false);
    assert.equal(isPathInside('/ws-old', '/ws'), false);
    assert.equal(isPathInside('/w', '/ws'), false);
    assert.equal(isPathInside('/', '/ws'), false);
  });

  it('counts the folder itself and ignores trailing slashes', () => {
    assert.equal(isPathInside('/ws', '/ws'), true);
    assert.equal(isPathInside('/ws/', '/ws'), true);
    assert.equal(isPathInside('/ws/a/b.md', '/ws/'), true);
    assert.equal(isPathInside('/ws-old/b.md', '/ws/'), false);
  });

  it('reads .. segments before deciding', () => {
    assert.equal(isPathInside('/ws/a/../b.md', '/ws'), true);
    assert.equal(isPathInside('/ws/../other/b.md', '/ws'), false);
    assert.equal(isPathInside('/ws/..b.md', '/ws'), true);
  });

  it('takes Windows paths with drive letters in any case, on any system', () => {
    assert.equal(isPathInside('C:\\ws\\a.md', 'C:\\ws'), true);
    assert.equal(isPathInside('c:\\WS\\a.md', 'C:\\ws\\'), true);
    assert.equal(isPathInside('C:\\ws-old\\a.md', 'C:\\ws'), false);
    assert.equal(isPathInside('D:\\ws\\a.md', 'C:\\ws'), false);
    assert.equal(isPathInside('C:/ws/a.md', 'C:\\ws'), true);
    assert.equal(isPathInside('\\\\server\\share\\ws\\a.md', '\\\\server\\share\\ws'), true);
    assert.equal(isPathInside('\\\\server\\other\\a.md', '\\\\server\\share'), false);
  });

  it('keeps case on POSIX, where /WS and /ws are two folders', () => {
    assert.equal(isPathInside('/WS/a.md', '/ws'), false);
  });
});

describe('pathInsideFolder', () => {
  it('gives the relative path with forward slashes, or undefined outside', () => {
    assert.equal(pathInsideFolder('/ws/docs/a.md', '/ws'), 'docs/a.md');
    assert.equal(pathInsideFolder('C:\\ws\\docs\\a.md', 'c:\\ws'), 'docs/a.md');
    assert.equal(pathInsideFolder('/ws', '/ws/'), '');
    assert.equal(pathInsideFolder('/ws-old/a.md', '/ws'), undefined);
    assert.equal(pathInsideFolder('C:\\a.md', 'D:\\'), undefined);
  });
});

describe('isAtOrUnderAny', () => {
  it('finds a path at or under one of a set of folders, by whole folder names', () => {
    const folders = new Set(['/ws/2023', '/ws/archive']);
    assert.equal(isAtOrUnderAny('/ws/2023/a.md', folders), true);
    assert.equal(isAtOrUnderAny('/ws/archive', folders), true);
    assert.equal(isAtOrUnderAny('/ws/2023-old/a.md', folders), false);
    assert.equal(isAtOrUnderAny('/ws/a.md', folders), false);
    assert.equal(isAtOrUnderAny('C:\\ws\\2023\\a.md', new Set(['C:\\ws\\2023'])), true);
  });
});
