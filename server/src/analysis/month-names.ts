// How English text names a month: one pattern for the readers of dates and for the heading normaliser that drops them.

/** The source of a pattern for a month's name or its abbreviation, with an optional full stop ('Jan', 'Sept.', 'December'); compile it with the `i` flag. */
export const monthName = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?`;
