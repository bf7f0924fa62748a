import type { Rule } from '../rule';
import { expectedSections, missingSectionFindings } from './missing-section';

export const rule: Rule = {
  id: 'missing-recommended-section',
  severity: 'info',
  description: 'A recommended section is missing.',
  explanation:
    'Contributing factors, what went well, what went poorly and lessons learned are what turn a report into learning: they capture the conditions around the failure and what the team will keep doing. They are recommended rather than required for minor incidents; for a SEV-1 they are required.',
  example: '## Action items\n...\n<!-- no "Lessons learned" section -->',
  fixable: true,
  check: ({ model, config }) => missingSectionFindings(model, config, expectedSections(model, config).recommended, 'Recommended'),
};
