// The --help texts.
import { maxFileSizeBytes } from '../analysis/detection';

const maxMegabytes = maxFileSizeBytes / (1024 * 1024);

export const lintUsage = `Usage: postmortem-lint [options] [paths or globs...]
       postmortem-lint actions [options] [paths or globs...]

Checks incident postmortems written in Markdown. Without paths, checks the
Markdown files under the current folder that are postmortems (by the config's
globs or by their content). Directories and globs select Markdown files the
same way; a file named on the command line is always checked. node_modules and
.git are never searched.

Options:
  --format <name>        stylish (default), json, sarif or github
  --fix                  apply the safe fixes and write the files back
  --config <file>        use this config file for every file instead of the nearest one
  --max-warnings <n>     fail when there are more than n warnings (info and hints count)
  --today <YYYY-MM-DD>   judge due dates as of this day (default: today in the config's
                         timezone, else the local date)
  --quiet                report errors only
  --color, --no-color    force colours on or off (default: on for a terminal, off if NO_COLOR is set)
  -h, --help             show this help
  -v, --version          show the version

Files over ${maxMegabytes} MB, binary files and unreadable files are skipped with a
message on stderr.

Exit codes:
  0  no errors, and no more warnings than --max-warnings
  1  errors found, or too many warnings
  2  usage error, config error, or an input path that does not exist

Run \`postmortem-lint actions --help\` for the action item report, and
\`postmortem-lint insights --help\` for recurring causes and trends.
`;

export const actionsUsage = `Usage: postmortem-lint actions [options] [paths or globs...]

Lists the action items of postmortems, sorted by due date (undated last), then
by priority. Paths are chosen as for linting.

Options:
  --all                  include done items (default: open items only)
  --owner <name>         only items this person owns, alone or with others
                         (case-insensitive, @ optional)
  --overdue              only open items due before today
  --format <name>        table (default), json, csv or markdown
  --config <file>        use this config file for every file instead of the nearest one
  --today <YYYY-MM-DD>   judge due dates as of this day (default: today in the config's
                         timezone, else the local date)
  --color, --no-color    force colours on or off
  -h, --help             show this help

Exit codes: 0 done, 2 usage error, config error, or an input path that does not exist.
`;

export const insightsUsage = `Usage: postmortem-lint insights [options] [paths or globs...]

Reads postmortems together and reports what one alone cannot show: groups of
postmortems that share a cause, action items proposed again in later
postmortems, P0 and P1 items still open at the follow-up review, and per month
the number of postmortems by severity and the median and p90 times to detect,
mitigate and resolve. Paths are chosen as for linting.

Options:
  --since <YYYY-MM-DD>   only postmortems dated on or after this day
  --format <name>        markdown (default), json or html (one self-contained page
                         with charts)
  --config <file>        use this config file for every file instead of the nearest one
  --today <YYYY-MM-DD>   count follow-up days to this day (default: today)
  -h, --help             show this help

The follow-up review is due insights.followUpDays (default 30) days after a
postmortem's date, as set in the config.

Exit codes: 0 done, 2 usage error, config error, or an input path that does not exist.
`;

export function usage(topic: 'lint' | 'actions' | 'insights'): string {
  if (topic === 'insights') return insightsUsage;
  return topic === 'actions' ? actionsUsage : lintUsage;
}
