// Where document-level findings are shown: the title heading, or the first line.
import type { Postmortem, Span } from './model';

export function documentAnchor(model: Postmortem): Span {
  if (model.title && model.sections.some((s) => s.heading.start === model.title?.span.start)) return model.title.span;
  const firstHeading = model.sections[0];
  if (firstHeading) return firstHeading.heading;
  const firstLineEnd = model.text.search(/\r?\n/);
  return { start: 0, end: firstLineEnd < 0 ? model.text.length : firstLineEnd };
}

/** The metadata field with this key, if written. */
export function metadataField(model: Postmortem, key: string) {
  return model.metadata.find((field) => field.key === key);
}
