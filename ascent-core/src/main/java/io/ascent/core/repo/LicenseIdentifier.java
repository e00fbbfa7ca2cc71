package io.ascent.core.repo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which licence a LICENSE text is, by an {@code SPDX-License-Identifier} line or by phrases every copy of
 * the common licences contains (white space and case ignored). It recognises; it does not prove a text unaltered.
 */
final class LicenseIdentifier {
    /** How far into the text a licence's title or opening phrase may start. */
    private static final int HEAD_LENGTH = 1200;
    private static final Pattern SPDX_LINE = Pattern.compile("SPDX-License-Identifier:\\s*([A-Za-z0-9.+()\\- ]+)");

    /** A licence and the phrases that all appear in its text (already lower-case, single-spaced). */
    private record Known(String spdx, List<String> phrases, List<String> absent) {
    }

    // Order matters: the more specific texts first (LGPL and AGPL quote the GPL; BSD-3 contains BSD-2).
    private static final List<Known> KNOWN = List.of(
            new Known("AGPL-3.0", List.of("gnu affero general public license", "version 3"), List.of()),
            new Known("LGPL-3.0", List.of("gnu lesser general public license", "version 3"), List.of()),
            new Known("LGPL-2.1", List.of("gnu lesser general public license", "version 2.1"), List.of()),
            new Known("GPL-3.0", List.of("gnu general public license", "version 3"), List.of()),
            new Known("GPL-2.0", List.of("gnu general public license", "version 2"), List.of()),
            new Known("Apache-2.0", List.of("apache license", "version 2.0"), List.of()),
            new Known("MPL-2.0", List.of("mozilla public license", "2.0"), List.of()),
            new Known("EPL-2.0", List.of("eclipse public license", "v 2.0"), List.of()),
            new Known("EPL-1.0", List.of("eclipse public license", "v 1.0"), List.of()),
            new Known("BSL-1.0", List.of("boost software license - version 1.0"), List.of()),
            new Known("CC0-1.0", List.of("cc0 1.0 universal"), List.of()),
            new Known("Unlicense", List.of("this is free and unencumbered software released into the public domain"),
                    List.of()),
            new Known("ISC", List.of("permission to use, copy, modify, and/or distribute this software for any purpose"),
                    List.of()),
            new Known("MIT", List.of("permission is hereby granted, free of charge",
                    "the software is provided \"as is\""), List.of()),
            new Known("BSD-3-Clause", List.of("redistribution and use in source and binary forms",
                    "neither the name"), List.of()),
            new Known("BSD-3-Clause", List.of("redistribution and use in source and binary forms",
                    "the names of its contributors may not be used"), List.of()),
            new Known("BSD-2-Clause", List.of("redistribution and use in source and binary forms",
                    "redistributions in binary form must reproduce"), List.of("neither the name")));

    private LicenseIdentifier() {
    }

    /** The SPDX id of {@code text}, if recognised. */
    static Optional<String> identify(String text) {
        Matcher spdx = SPDX_LINE.matcher(text);
        if (spdx.find()) {
            return Optional.of(spdx.group(1).strip());
        }
        String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        // The first phrase is the licence's title or opening. Several licences can match (the GPL's text names the
        // LGPL near its end, the LGPL's names the GPL): the one whose title comes first is the text's own, and it
        // must open the text, since a README quoting a licence is not one.
        Known best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Known known : KNOWN) {
            int at = normalized.indexOf(known.phrases().get(0));
            if (at >= 0 && at < HEAD_LENGTH && at < bestAt
                    && known.phrases().stream().allMatch(normalized::contains)
                    && known.absent().stream().noneMatch(normalized::contains)) {
                best = known;
                bestAt = at;
            }
        }
        if (best != null) {
            return Optional.of(best.spdx());
        }
        return Optional.empty();
    }
}
