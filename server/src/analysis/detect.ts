// Which Markdown files are postmortems: front matter, path globs, or the first heading. Never a README.
import picomatch from 'picomatch';
import type { PostmortemConfig } from './config';
import { frontMatterLength } from './markdown';
import { pathInsideFolder } from './paths';

export interface Detection {
  postmortem: boolean;
  reason: string;
}

const headingPattern = /^ {0,3}#{1,6}[ \t]+(.*)$/m;
const postmortemTitle = /^(?:\W*\s*)?(?:post[- ]?mortem|incident (?:report|review|post[- ]?mortem|retrospective|analysis)|pir\b|retrospective\b)/i;
const typeLine = /^type:[ \t]*["']?([\w-]+)["']?[ \t]*$/im;
const optOut = /^postmortem:[ \t]*false[ \t]*$/im;

export function detectPostmortem(text: string, path: string | undefined, config: PostmortemConfig, root?: string): Detection {
  const frontMatter = text.slice(0, frontMatterLength(text));
  if (frontMatter) {
    if (optOut.test(frontMatter)) return { postmortem: false, reason: 'front matter says `postmortem: false`' };
    const type = typeLine.exec(frontMatter)?.[1]?.toLowerCase();
    if (type && /^(post-?mortem|incident(-review|-report)?)$/.test(type)) return { postmortem: true, reason: `front matter says \`type: ${type}\`` };
  }
  if (path) {
    const relative = relativePath(path, root);
    if (picomatch.isMatch(relative, config.ignore, { dot: true, nocase: true })) return { postmortem: false, reason: 'path matches an ignore glob' };
    const glob = config.globs.find((pattern) => picomatch.isMatch(relative, pattern, { dot: true, nocase: true }));
    if (glob) return { postmortem: true, reason: `path matches \`${glob}\`` };
  }
  const heading = headingPattern.exec(text.slice(frontMatter.length, frontMatter.length + 20_000))?.[1];
  if (heading && postmortemTitle.test(heading.replace(/[*_`]/g, '').trim())) return { postmortem: true, reason: 'first heading names a postmortem' };
  return { postmortem: false, reason: 'no postmortem front matter, path or first heading' };
}

function relativePath(path: string, root: string | undefined): string {
  const inside = root === undefined ? undefined : pathInsideFolder(path, root);
  return inside ?? path.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '').replace(/^\/+/, '');
}
