package io.ascent.core.report.render;

/**
 * How a report is rendered beyond its format; the machine-readable formats ignore these.
 *
 * @param detail         how much text and Markdown show
 * @param markdownLimit  the most characters the Markdown form may have (a pull-request comment's limit)
 */
public record RenderOptions(Detail detail, int markdownLimit) {

    /** GitHub's limit for a comment body, and GitLab's note limit is larger: a comment of this size posts anywhere. */
    public static final int DEFAULT_MARKDOWN_LIMIT = 65_536;

    /** The smallest limit accepted: the headline, the counts and a note of what was left out always fit. */
    public static final int MIN_MARKDOWN_LIMIT = 1_024;

    public static final RenderOptions DEFAULTS = new RenderOptions(Detail.NORMAL, DEFAULT_MARKDOWN_LIMIT);

    public RenderOptions {
        if (markdownLimit < MIN_MARKDOWN_LIMIT) {
            throw new IllegalArgumentException("the Markdown size limit must be at least " + MIN_MARKDOWN_LIMIT
                    + " characters, not " + markdownLimit);
        }
    }

    public RenderOptions withDetail(Detail detail) {
        return new RenderOptions(detail, markdownLimit);
    }
}
