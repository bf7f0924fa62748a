// Which Markdown files are postmortems: front matter, path globs, or the first heading. Never a README.
import picomatch from 'picomatch';
import type { PostmortemConfig } from './config';
import { frontMatterLength } from './front-matter';
import { pathInsideFolder } from './paths';

export interface Detection {
  postmortem: boolean;
  reason: string;
}

const headingPattern = /^ {0,3}#{1,6}[ \t]+(.*)$/m;
const postmortemTitle = /^(?:\W*\s*)?(?:post[- ]?mortem|incident (?:report|review|post[- ]?mortem|retrospective|analysis)|pir\b|retrospective\b)/i;
// `type: postmortem` in YAML front matter, `type = "postmortem"` in TOML.
const typeLine = /^type[ \t]*[:=][ \t]*["']?([\w-]+)["']?[ \t]*$/im;
/** The title's words that say what kind of document it is, and the separator after them. */
const postmortemTitlePrefix = new RegExp(`${postmortemTitle.source}\\s*[:|\u2013\u2014-]\\s*`, 'i');

/** The incident's name in a title: without "Postmortem: " or "Incident report - " before it. */
export function incidentName(title: string): string {
  const name = title.replace(postmortemTitlePrefix, '').trim();
  return name === '' ? title.trim() : name;
}

const optOut = /^postmortem[ \t]*[:=][ \t]*false[ \t]*$/im;

type PathMatcher = (path: string) => boolean;

interface PathMatchers {
  ignored: PathMatcher;
  globs: { pattern: string; matches: PathMatcher }[];
}

// Compiled once per config object, which owns them: a run over many files compiles each glob once, not once a file.
const matchersByConfig = new WeakMap<PostmortemConfig, PathMatchers>();

function pathMatchers(config: PostmortemConfig): PathMatchers {
  let matchers = matchersByConfig.get(config);
  if (!matchers) {
    const options = { dot: true, nocase: true };
    matchers = {
      ignored: config.ignore.length === 0 ? () => false : picomatch(config.ignore, options),
      globs: config.globs.map((pattern) => ({ pattern, matches: picomatch(pattern, options) })),
    };
    matchersByConfig.set(config, matchers);
  }
  return matchers;
}

export function detectPostmortem(text: string, path: string | undefined, config: PostmortemConfig, root?: string): Detection {
  const frontMatter = text.slice(0, frontMatterLength(text));
  if (frontMatter) {
    if (optOut.test(frontMatter)) return { postmortem: false, reason: 'front matter says `postmortem: false`' };
    const type = typeLine.exec(frontMatter)?.[1]?.toLowerCase();
    if (type && /^(post-?mortem|incident(-review|-report)?)$/.test(type)) return { postmortem: true, reason: `front matter says \`type: ${type}\`` };
  }
  if (path) {
    const relative = relativePath(path, root);
    const matchers = pathMatchers(config);
    if (matchers.ignored(relative)) return { postmortem: false, reason: 'path matches an ignore glob' };
    const glob = matchers.globs.find((candidate) => candidate.matches(relative));
    if (glob) return { postmortem: true, reason: `path matches \`${glob.pattern}\`` };
  }
  const heading = headingPattern.exec(text.slice(frontMatter.length, frontMatter.length + 20_000))?.[1];
  if (heading && postmortemTitle.test(heading.replace(/[*_`]/g, '').trim())) return { postmortem: true, reason: 'first heading names a postmortem' };
  return { postmortem: false, reason: 'no postmortem front matter, path or first heading' };
}

function relativePath(path: string, root: string | undefined): string {
  const inside = root === undefined ? undefined : pathInsideFolder(path, root);
  return inside ?? path.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '').replace(/^\/+/, '');
}
