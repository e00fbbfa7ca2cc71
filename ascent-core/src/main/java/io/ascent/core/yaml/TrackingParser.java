package io.ascent.core.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's parser, remembering the last event it handed to the composer. SnakeYAML throws its safety limits
 * (collection depth, aliases to collections) as plain {@code YAMLException}s with no position; this is where they
 * were hit, so that a hostile document is still reported at its {@code file:line:col}.
 */
final class TrackingParser extends ParserImpl {
    private Event last;

    TrackingParser(StreamReader reader, LoaderOptions options) {
        super(reader, options);
    }

    @Override
    public Event getEvent() {
        last = super.getEvent();
        return last;
    }

    /**
     * Where the composer stopped: the event it looked at but did not take (a node one level too deep), else the one
     * it took last; null before the first event.
     */
    Mark stoppedAt() {
        try {
            Event next = peekEvent();
            if (next != null) {
                return next.getStartMark();
            }
        } catch (RuntimeException | StackOverflowError e) {
            // the text after the stop is broken too: the last good event still says where
        }
        return last == null ? null : last.getStartMark();
    }

    /**
     * The start of the last event handed over: an alias over the limit, or the last good event before an error
     * raised while the next one was being read.
     */
    Mark lastEvent() {
        return last == null ? null : last.getStartMark();
    }
}
