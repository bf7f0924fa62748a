// How English text names a month or a day of the week: one place for the patterns the date readers, the heading normaliser and the log-heading test share.

/** The source of a pattern for a month's name or its abbreviation, with an optional full stop ('Jan', 'Sept.', 'December'); compile it with the `i` flag. */
export const monthName = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?`;

/** The source of a pattern for a weekday's name or its abbreviation, with an optional full stop ('Mon', 'Tues.', 'Thursday'); compile it with the `i` flag. */
export const weekdayName = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?`;

/** The source of a pattern for the three letters every written form of a month's name starts with; compile it with the `i` flag. */
export const monthStart = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`;

/** The source of a pattern for the three letters every written form of a weekday's name starts with; compile it with the `i` flag. */
export const weekdayStart = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)`;
